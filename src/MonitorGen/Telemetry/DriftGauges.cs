using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace MonitorGen.Telemetry;

/// <summary>
/// Publishes every live monitor's latest drift scores on one observable gauge, <c>monitorgen.drift.score</c>,
/// and counts detections on <c>monitorgen.drift.detected</c>.
/// </summary>
/// <remarks>
/// One gauge for all monitors, because an observable instrument is registered once per meter and name. Monitors are held
/// weakly: one that is dropped without <c>Dispose</c> stops being published when it is collected, rather than leaking.
/// </remarks>
internal static class DriftGauges
{
    private static readonly ConditionalWeakTable<ModelMonitor, object?> Monitors = new();

    private static readonly Counter<long> Detected = MonitorGenDiagnostics.Meter.CreateCounter<long>(
        InstrumentNames.DriftDetected, "{detection}", "Drift checks in which a feature drifted.");

    static DriftGauges() => MonitorGenDiagnostics.Meter.CreateObservableGauge(
        InstrumentNames.DriftScore, Observe, unit: "1", description: "The latest drift score per feature: a p-value or a distance, see the method tag.");

    public static void Register(ModelMonitor monitor) => Monitors.TryAdd(monitor, null);

    public static void Unregister(ModelMonitor monitor) => Monitors.Remove(monitor);

    public static void CountDetection(MonitorInstruments instruments, FeatureDriftResult result) =>
        Detected.Add(1, instruments.ModelTags[0], instruments.ModelTags[1], new(InstrumentNames.FeatureTag, result.Feature), new(InstrumentNames.MethodTag, result.Method));

    private static IEnumerable<Measurement<double>> Observe()
    {
        foreach ((ModelMonitor monitor, _) in Monitors)
        {
            if (monitor.LastReport is not { } report)
            {
                continue;
            }

            foreach (FeatureDriftResult result in report.Features)
            {
                if (result.Score is { } score)
                {
                    yield return new Measurement<double>(score,
                        new KeyValuePair<string, object?>(InstrumentNames.ModelTag, report.Model),
                        new KeyValuePair<string, object?>(InstrumentNames.ModelVersionTag, report.ModelVersion ?? ""),
                        new KeyValuePair<string, object?>(InstrumentNames.FeatureTag, result.Feature),
                        new KeyValuePair<string, object?>(InstrumentNames.MethodTag, result.Method));
                }
            }
        }
    }
}
