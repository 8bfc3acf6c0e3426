using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace MonitorGen.Telemetry;

/// <summary>
/// Publishes every live monitor's latest drift check on three observable gauges: <c>monitorgen.drift.score</c> and
/// <c>monitorgen.drift.detected</c> (0 or 1) per model, feature and method, and <c>monitorgen.drift.dataset</c> (0 or 1)
/// per model.
/// </summary>
/// <remarks>
/// One gauge of each name for all monitors, because an observable instrument is registered once per meter and name.
/// Monitors are held weakly: one that is dropped without <c>Dispose</c> stops being published when it is collected,
/// rather than leaking. A monitor whose measurements cannot be read is skipped and counted on <c>monitorgen.self.errors</c>:
/// a gauge callback never throws into the exporter that collects it.
/// </remarks>
internal static class DriftGauges
{
    private static readonly ConditionalWeakTable<ModelMonitor, object?> Monitors = new();

    static DriftGauges()
    {
        Meter meter = MonitorGenDiagnostics.Meter;
        meter.CreateObservableGauge(InstrumentNames.DriftScore, () => Collect(Monitors, AddScores),
            unit: "1", description: "The latest drift score per feature: a p-value or a distance, see the method tag.");
        meter.CreateObservableGauge(InstrumentNames.DriftDetected, () => Collect(Monitors, AddDetections),
            unit: "{drift}", description: "1 when the feature alarmed in the latest drift check (calibrated: its p-value within the false-alarm budget and its effect at least the floor; fixed: it drifted), 0 when it was tested and did not.");
        meter.CreateObservableGauge(InstrumentNames.DatasetDrift, () => Collect(Monitors, AddDatasetDrift),
            unit: "{drift}", description: "1 when the model's dataset drifted in the latest drift check, 0 otherwise.");
    }

    public static void Register(ModelMonitor monitor) => Monitors.TryAdd(monitor, null);

    public static void Unregister(ModelMonitor monitor) => Monitors.Remove(monitor);

    /// <summary>Gathers the measurements of every monitor; one that throws is counted and skipped.</summary>
    internal static List<Measurement<double>> Collect(
        IEnumerable<KeyValuePair<ModelMonitor, object?>> monitors,
        Action<MonitorSchema, DriftReport, List<Measurement<double>>> add)
    {
        var measurements = new List<Measurement<double>>();
        try
        {
            foreach ((ModelMonitor monitor, _) in monitors)
            {
                try
                {
                    if (monitor.LastReport is { } report)
                    {
                        add(monitor.Schema, report, measurements);
                    }
                }
#pragma warning disable CA1031 // A gauge callback must never throw into the exporter.
                catch (Exception)
                {
                    MonitorGenDiagnostics.CountSelfError(SelfErrorSources.Gauge, monitor.Schema.ModelName, monitor.Schema.ModelVersion);
                }
            }
        }
        catch (Exception)
#pragma warning restore CA1031
        {
            MonitorGenDiagnostics.CountSelfError(SelfErrorSources.Gauge);
        }

        return measurements;
    }

    private static void AddScores(MonitorSchema schema, DriftReport report, List<Measurement<double>> measurements)
    {
        foreach (FeatureDriftResult result in report.Features)
        {
            if (result.Score is { } score)
            {
                measurements.Add(new Measurement<double>(score, FeatureTags(schema, report, result)));
            }
        }
    }

    private static void AddDetections(MonitorSchema schema, DriftReport report, List<Measurement<double>> measurements)
    {
        foreach (FeatureDriftResult result in report.Features)
        {
            // An untested feature (too few rows, a failed test) has no state to publish: neither drifted nor clean.
            if (result.Tested)
            {
                measurements.Add(new Measurement<double>(result.Alarmed ? 1 : 0, FeatureTags(schema, report, result)));
            }
        }
    }

    // A model's input and output records are checked apart, so the dataset state is per record.
    private static void AddDatasetDrift(MonitorSchema schema, DriftReport report, List<Measurement<double>> measurements) =>
        measurements.Add(new Measurement<double>(report.DatasetDrift ? 1 : 0,
            new KeyValuePair<string, object?>(InstrumentNames.ModelTag, report.Model),
            new KeyValuePair<string, object?>(InstrumentNames.ModelVersionTag, report.ModelVersion ?? ""),
            new KeyValuePair<string, object?>(InstrumentNames.RecordTag, schema.RecordName)));

    private static KeyValuePair<string, object?>[] FeatureTags(MonitorSchema schema, DriftReport report, FeatureDriftResult result) =>
    [
        new(InstrumentNames.ModelTag, report.Model),
        new(InstrumentNames.ModelVersionTag, report.ModelVersion ?? ""),
        new(InstrumentNames.RecordTag, schema.RecordName),
        new(InstrumentNames.FeatureTag, result.Feature),
        new(InstrumentNames.MethodTag, result.Method),
    ];
}
