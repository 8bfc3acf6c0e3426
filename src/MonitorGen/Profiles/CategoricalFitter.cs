using System;
using System.Collections.Generic;
using System.Linq;
using MonitorGen.Calibration;
using MonitorGen.Sketches;

namespace MonitorGen.Profiles;

/// <summary>Counts one categorical feature's training values into a <see cref="FeatureProfile"/>.</summary>
internal sealed class CategoricalFitter
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<double, long> _numberCounts = new();
    private readonly long[] _declaredCounts;
    private long _missing;
    private long _invalid;

    private readonly int _index;

    internal CategoricalFitter(FeatureSchema schema, int index)
    {
        Schema = schema;
        _index = index;
        _declaredCounts = new long[schema.DeclaredCategories.Count];
    }

    internal FeatureSchema Schema { get; }

    /// <summary>Adds a compile-time category code (an enum member or a bool); a negative code is an undefined value.</summary>
    public void Add(int code)
    {
        if ((uint)code < (uint)_declaredCounts.Length)
        {
            _declaredCounts[code]++;
        }
        else
        {
            _invalid++;
        }
    }

    /// <summary>Adds a string category; null counts as missing.</summary>
    public void Add(string? category)
    {
        if (category is null)
        {
            _missing++;
            return;
        }

        _counts[category] = _counts.TryGetValue(category, out long count) ? count + 1 : 1;
    }

    /// <summary>
    /// Adds the value of a number marked <see cref="DriftTestAttribute.Categorical"/>; NaN and infinities are counted as
    /// invalid and left out. The category is named by <see cref="FeatureSchema.CategoryName"/> when the profile is built.
    /// </summary>
    public void AddNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            _invalid++;
            return;
        }

        // double's equality and hash treat -0 and 0 as one key, as the monitor's lookup does.
        _numberCounts[value] = _numberCounts.TryGetValue(value, out long count) ? count + 1 : 1;
    }

    /// <summary>Counts a null value.</summary>
    public void AddMissing() => _missing++;

    internal FeatureProfile Build(FitOptions options)
    {
        for (int code = 0; code < _declaredCounts.Length; code++)
        {
            if (_declaredCounts[code] > 0)
            {
                _counts[Schema.DeclaredCategories[code]] = _declaredCounts[code];
            }
        }

        foreach (var (value, count) in _numberCounts)
        {
            _counts[FeatureSchema.CategoryName(value)] = count;
        }

        // Top-k by count, ties by name, so that a profile is reproducible byte for byte. The feature's own cap wins.
        int cap = Schema.MaxCategories > 0 ? Schema.MaxCategories : options.MaxCategories;
        var kept = _counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(cap).ToArray();
        long total = _counts.Values.Sum();
        long keptTotal = kept.Sum(p => p.Value);
        var keptNames = new HashSet<string>(kept.Select(p => p.Key), StringComparer.Ordinal);
        SeenCategoryFilter? otherSeen = null;
        if (keptNames.Count < _counts.Count)
        {
            // Numbers are keyed by value, as the monitor looks them up; names by the string.
            string[] otherNames = Schema.NumericCategories ? Array.Empty<string>() : _counts.Keys.Where(k => !keptNames.Contains(k)).ToArray();
            double[] otherNumbers = _numberCounts.Keys.Where(v => !keptNames.Contains(FeatureSchema.CategoryName(v))).ToArray();
            otherSeen = SeenCategoryFilter.Build(otherNames, otherNumbers);
        }

        var profile = new FeatureProfile
        {
            Name = Schema.Name,
            Kind = FeatureKind.Categorical,
            Method = MethodResolver.Resolve(Schema, numerical: false, total, _counts.Count),
            Count = total,
            Missing = _missing,
            Invalid = _invalid,
            DistinctCount = _counts.Count,
            Categories = kept.Select(p => p.Key).ToArray(),
            CategoryCounts = kept.Select(p => p.Value).ToArray(),
            OtherCount = total - keptTotal,
            OtherSeen = otherSeen?.ToString(),
        };
        profile.Null = NullCalibrator.Fit(profile, options, _index);
        return profile;
    }
}
