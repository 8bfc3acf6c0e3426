using System;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using MonitorGen;
using MonitorGen.Monitoring;

namespace MonitorGen.Benchmarks;

/// <summary>
/// The monitor one would write without a generator: the monitored members are found by reflection at construction,
/// and every row is read through <see cref="PropertyInfo.GetValue(object)"/> (boxing value types), numbers are
/// converted with <see cref="Convert.ToDouble(object, IFormatProvider)"/>, and enums are mapped to their category
/// code by name. It feeds the same runtime feature state, so the sketches, counters and instruments do the same work.
/// </summary>
public sealed class ReflectionMonitor<T> : ModelMonitor
    where T : class
{
    private readonly FeatureBinding[] _features;
    private readonly KpiBinding[] _kpis;

    public ReflectionMonitor(MonitorSchema schema, ReferenceProfile profile, MonitorOptions? options = null)
        : base(schema, profile, options, null)
    {
        var features = new List<FeatureBinding>();
        var kpis = new List<KpiBinding>();
        foreach (PropertyInfo property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<KpiMetricAttribute>() is not null)
            {
                int kpi = IndexOfKpi(schema, property.Name);
                kpis.Add(new KpiBinding(property, KpiAt(kpi)));
            }

            if (property.GetCustomAttribute<DriftTestAttribute>() is null && property.GetCustomAttribute<ExpectAttribute>() is null)
            {
                continue;
            }

            int index = IndexOfFeature(schema, property.Name);
            FeatureSchema declared = schema.Features[index];
            if (declared.Kind == FeatureKind.Numerical)
            {
                features.Add(new FeatureBinding(property, NumericFeatureAt(index), null, null, null));
            }
            else
            {
                var codes = new Dictionary<string, int>(StringComparer.Ordinal);
                for (int code = 0; code < declared.DeclaredCategories.Count; code++)
                {
                    codes[declared.DeclaredCategories[code]] = code;
                }

                Type type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                features.Add(new FeatureBinding(property, null, CategoricalFeatureAt(index), type.IsEnum ? type : null, codes));
            }
        }

        _features = features.ToArray();
        _kpis = kpis.ToArray();
    }

    public void Observe(in T row)
    {
        WindowShard window = BeginRow();
        DataQualityIssues issues = DataQualityIssues.None;
        try
        {
            if (row is null)
            {
                issues = ObserveNullRow(window);
                return;
            }

            foreach (FeatureBinding feature in _features)
            {
                object? value = feature.Property.GetValue(row);
                if (feature.Numeric is { } numeric)
                {
                    issues |= value is null ? numeric.ObserveMissing(window) : numeric.Observe(window, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                }
                else
                {
                    CategoricalFeatureState categorical = feature.Categorical!;
                    if (value is null)
                    {
                        issues |= categorical.ObserveMissing(window);
                    }
                    else if (feature.EnumType is { } enumType)
                    {
                        string? name = Enum.GetName(enumType, value);
                        issues |= categorical.Observe(window, name is not null && feature.Codes!.TryGetValue(name, out int code) ? code : -1);
                    }
                    else if (value is bool flag)
                    {
                        issues |= categorical.Observe(window, flag ? 1 : 0);
                    }
                    else
                    {
                        issues |= categorical.Observe(window, value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture));
                    }
                }
            }

            foreach (KpiBinding kpi in _kpis)
            {
                if (kpi.Property.GetValue(row) is { } value)
                {
                    issues |= kpi.Instrument.Record(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                }
            }

        }
        catch (Exception exception)
        {
            ReportObserveFailure(exception);
        }
        finally
        {
            EndRow(window, issues);
        }
    }

    private static int IndexOfFeature(MonitorSchema schema, string name)
    {
        for (int i = 0; i < schema.Features.Count; i++)
        {
            if (schema.Features[i].Name == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"'{typeof(T)}.{name}' is not a feature of the schema.", nameof(schema));
    }

    private static int IndexOfKpi(MonitorSchema schema, string name)
    {
        for (int i = 0; i < schema.Kpis.Count; i++)
        {
            if (schema.Kpis[i].MemberName == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"'{typeof(T)}.{name}' is not a KPI of the schema.", nameof(schema));
    }

    private sealed record FeatureBinding(
        PropertyInfo Property, NumericFeatureState? Numeric, CategoricalFeatureState? Categorical, Type? EnumType, Dictionary<string, int>? Codes);

    private sealed record KpiBinding(PropertyInfo Property, KpiInstrument Instrument);
}
