using System;
using System.Collections.Generic;
using System.Linq;
using MonitorGen.Monitoring;
using MonitorGen.Profiles;

namespace MonitorGen.Tests.Calibration;

/// <summary>A monitor over hand-built features, observed value by value, as generated code would observe a record.</summary>
internal sealed class SimulationMonitor : ModelMonitor
{
    private SimulationMonitor(MonitorSchema schema, ReferenceProfile profile, MonitorOptions options)
        : base(schema, profile, options, null)
    {
    }

    public static MonitorSchema SchemaOf(params FeatureSchema[] features) =>
        new("simulation", null, "Simulation.Row", "simulation-" + string.Join("-", features.Select(f => f.Name + f.Method)), features, Array.Empty<KpiSchema>());

    /// <summary>Fits a profile on <paramref name="rows"/> (one value per feature) and builds a monitor over it.</summary>
    public static SimulationMonitor Fit(MonitorSchema schema, IEnumerable<object[]> rows, MonitorOptions options, FitOptions? fit = null)
    {
        var builder = new ProfileBuilder(schema, fit);
        foreach (object[] row in rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                FeatureSchema feature = schema.Features[i];
                switch (row[i])
                {
                    case double v when feature.Kind == FeatureKind.Numerical:
                        builder.Numeric(i).Add(v);
                        break;
                    case double v:
                        builder.Categorical(i).AddNumber(v);
                        break;
                    default:
                        builder.Categorical(i).Add((string)row[i]);
                        break;
                }
            }

            builder.EndRow();
        }

        return new SimulationMonitor(schema, builder.Build(), options);
    }

    public void Observe(object[] row)
    {
        WindowShard shard = BeginRow();
        DataQualityIssues issues = DataQualityIssues.None;
        try
        {
            for (int i = 0; i < row.Length; i++)
            {
                FeatureSchema feature = Schema.Features[i];
                issues |= row[i] switch
                {
                    double v when feature.Kind == FeatureKind.Numerical => NumericFeatureAt(i).Observe(shard, v),
                    double v => CategoricalFeatureAt(i).ObserveNumber(shard, v),
                    _ => CategoricalFeatureAt(i).Observe(shard, (string)row[i]),
                };
            }
        }
        finally
        {
            EndRow(shard, issues);
        }
    }
}
