using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using MonitorGen.Labels;
using MonitorGen.Monitoring;
using MonitorGen.Performance;

namespace MonitorGen.Telemetry;

/// <summary>
/// Publishes what every live monitor already counts, when an exporter collects it: its rows on the observable counter
/// <c>monitorgen.predictions</c>, its closed windows' rows per reference bin on <c>monitorgen.feature.bin.rows</c>, and its latest drift check on three observable gauges, <c>monitorgen.drift.score</c>
/// and <c>monitorgen.drift.detected</c> (0 or 1) per model, feature and method, and <c>monitorgen.drift.dataset</c>
/// (0 or 1) per model.
/// </summary>
/// <remarks>
/// The row count is observed rather than added per row: the window slots count rows anyway, and a counter's <c>Add</c>
/// under a real OpenTelemetry SDK costs a tag-set lookup on every row (about 50 ns with three tags,
/// <c>docs/benchmarks/observe.md</c>).
/// One instrument of each name for all monitors, because an observable instrument is registered once per meter and name.
/// Monitors are held weakly: one that is dropped without <c>Dispose</c> stops being published when it is collected,
/// rather than leaking. A monitor whose measurements cannot be read is skipped and counted on <c>monitorgen.self.errors</c>:
/// a gauge callback never throws into the exporter that collects it.
/// </remarks>
internal static class ObservableInstruments
{
    private static readonly ConditionalWeakTable<ModelMonitor, object?> Monitors = new();

    static ObservableInstruments()
    {
        Meter meter = MonitorGenDiagnostics.Meter;
        meter.CreateObservableCounter(InstrumentNames.Predictions, () => Collect<long>(Monitors, AddPredictions),
            unit: "{prediction}", description: "Rows observed by MonitorGen.");
        meter.CreateObservableCounter(InstrumentNames.FeatureBinRows, () => Collect<long>(Monitors, AddBinRows),
            unit: "{row}", description: "Rows per reference bin of each feature, over every drift window closed so far: added across replicas, the fleet's drift (docs/fleet.md).");
        meter.CreateObservableGauge(InstrumentNames.DriftScore, () => Collect<double>(Monitors, OfLastReport(AddScores)),
            unit: "1", description: "The latest drift score per feature: a p-value or a distance, see the method tag.");
        meter.CreateObservableGauge(InstrumentNames.DriftDetected, () => Collect<double>(Monitors, OfLastReport(AddDetections)),
            unit: "{drift}", description: "1 when the feature alarmed in the latest drift check (calibrated: its p-value within the false-alarm budget and its effect at least the floor; fixed: it drifted), 0 when it was tested and did not.");
        meter.CreateObservableGauge(InstrumentNames.DatasetDrift, () => Collect<double>(Monitors, OfLastReport(AddDatasetDrift)),
            unit: "{drift}", description: "1 when the model's dataset drifted in the latest drift check, 0 otherwise.");
        meter.CreateObservableCounter(InstrumentNames.LabelsReceived, () => Collect<long>(Monitors, OfLabels<long>(AddReceived)),
            unit: "{label}", description: "Labels offered to the monitor, per source, whatever became of them.");
        LabelCounter(meter, InstrumentNames.LabelsMatched, LabelOutcome.Matched, "Labels joined to their prediction, per source.");
        LabelCounter(meter, InstrumentNames.LabelsLate, LabelOutcome.Late, "Labels whose prediction was past the label horizon or pushed out of the table.");
        LabelCounter(meter, InstrumentNames.LabelsUnmatched, LabelOutcome.Unmatched, "Labels whose id no prediction of the monitor has.");
        LabelCounter(meter, InstrumentNames.LabelsDuplicate, LabelOutcome.Duplicate, "Second labels from the same source for one prediction.");
        LabelCounter(meter, InstrumentNames.LabelsRejected, LabelOutcome.Rejected, "Labels whose value is unusable: an unknown class, a non-finite number, another type.");
        meter.CreateObservableGauge(InstrumentNames.LabelsPending, () => Collect<long>(Monitors, OfLabels<long>(AddPending)),
            unit: "{prediction}", description: "Predictions waiting for a natural label within the label horizon.");
        meter.CreateObservableGauge(InstrumentNames.LabelCompleteness, () => Collect<double>(Monitors, OfLabels<double>(AddCompleteness)),
            unit: "1", description: "Labels over predictions in the latest closed window, per source.");
        meter.CreateObservableGauge(InstrumentNames.PerformanceWindow, () => Collect<double>(Monitors, OfLabels<double>(AddWindowPerformance)),
            unit: null, description: "Realized performance of the newest closed window with labels, per source and metric (an error such as mae is in the prediction's own unit).");
        meter.CreateObservableGauge(InstrumentNames.PerformanceCumulative, () => Collect<double>(Monitors, OfLabels<double>(AddCumulativePerformance)),
            unit: null, description: "Realized performance of every labelled prediction so far, per source and metric (an error such as mae is in the prediction's own unit).");
    }

    private static void LabelCounter(Meter meter, string name, LabelOutcome outcome, string description) =>
        meter.CreateObservableCounter(name, () => Collect<long>(Monitors, OfLabels<long>((monitor, labels, measurements) =>
        {
            foreach (LabelSource source in Enum.GetValues<LabelSource>())
            {
                measurements.Add(new Measurement<long>(labels.Count(source, outcome), labels.TagsOf(source)));
            }
        })), unit: "{label}", description: description);

    // Only a monitor of a type with a prediction, with labels on, has label series; each is there at 0 from start-up.
    private static Action<ModelMonitor, List<Measurement<T>>> OfLabels<T>(Action<ModelMonitor, LabelJoin, List<Measurement<T>>> add)
        where T : struct =>
        (monitor, measurements) =>
        {
            if (monitor.Labels is { } labels)
            {
                add(monitor, labels, measurements);
            }
        };

    private static void AddReceived(ModelMonitor monitor, LabelJoin labels, List<Measurement<long>> measurements)
    {
        foreach (LabelSource source in Enum.GetValues<LabelSource>())
        {
            measurements.Add(new Measurement<long>(labels.Received(source), labels.TagsOf(source)));
        }
    }

    private static void AddPending(ModelMonitor monitor, LabelJoin labels, List<Measurement<long>> measurements) =>
        measurements.Add(new Measurement<long>(labels.Table.Pending(labels.Clock.UtcTicks), monitor.PredictionTags));

    private static void AddCompleteness(ModelMonitor monitor, LabelJoin labels, List<Measurement<double>> measurements)
    {
        foreach (LabelSource source in Enum.GetValues<LabelSource>())
        {
            if (labels.Ledger.LatestCompleteness(source) is { } completeness)
            {
                measurements.Add(new Measurement<double>(completeness, labels.TagsOf(source)));
            }
        }
    }

    private static void AddWindowPerformance(ModelMonitor monitor, LabelJoin labels, List<Measurement<double>> measurements)
    {
        foreach (LabelSource source in Enum.GetValues<LabelSource>())
        {
            if (labels.Ledger.LatestLabelled(source, labels.Classes?.Names ?? []) is { } window)
            {
                AddFigures(window, labels.TagsOf(source), measurements);
            }
        }
    }

    private static void AddCumulativePerformance(ModelMonitor monitor, LabelJoin labels, List<Measurement<double>> measurements)
    {
        foreach (LabelSource source in Enum.GetValues<LabelSource>())
        {
            (PerformanceWindow cumulative, _) = labels.Ledger.Snapshot(source, monitor.ObservedRows, labels.Classes?.Names ?? []);
            if (cumulative.Labels > 0)
            {
                AddFigures(cumulative, labels.TagsOf(source), measurements);
            }
        }
    }

    private static void AddFigures(PerformanceWindow window, KeyValuePair<string, object?>[] sourceTags, List<Measurement<double>> measurements)
    {
        foreach ((string metric, double value) in LabelJoin.Figures(window))
        {
            if (double.IsFinite(value))
            {
                measurements.Add(new Measurement<double>(value, [.. sourceTags, new(InstrumentNames.MetricTag, metric)]));
            }
        }
    }

    public static void Register(ModelMonitor monitor) => Monitors.TryAdd(monitor, null);

    public static void Unregister(ModelMonitor monitor) => Monitors.Remove(monitor);

    /// <summary>Gathers the measurements of every monitor; one that throws is counted and skipped.</summary>
    internal static List<Measurement<T>> Collect<T>(
        IEnumerable<KeyValuePair<ModelMonitor, object?>> monitors,
        Action<ModelMonitor, List<Measurement<T>>> add)
        where T : struct
    {
        var measurements = new List<Measurement<T>>();
        // A callback never throws into the exporter: a monitor that cannot be read is skipped, and a table that changes
        // under the enumeration ends it; each is counted.
        MonitorGenDiagnostics.Contain((monitors, add, measurements), static s =>
        {
            foreach ((ModelMonitor monitor, _) in s.monitors)
            {
                MonitorGenDiagnostics.Contain((s.add, monitor, s.measurements), static m => m.add(m.monitor, m.measurements),
                    SelfErrorSources.Gauge, monitor.Schema.ModelName, monitor.Schema.ModelVersion);
            }
        }, SelfErrorSources.Gauge);
        return measurements;
    }

    private static void AddPredictions(ModelMonitor monitor, List<Measurement<long>> measurements) =>
        measurements.Add(new Measurement<long>(monitor.PredictionsObserved, monitor.PredictionTags));

    private static void AddBinRows(ModelMonitor monitor, List<Measurement<long>> measurements)
    {
        foreach ((BinTotals totals, KeyValuePair<string, object?>[][] tags) in monitor.BinSeries)
        {
            for (int bin = 0; bin < tags.Length; bin++)
            {
                measurements.Add(new Measurement<long>(totals[bin], tags[bin]));
            }
        }
    }

        // A monitor that has not checked yet has nothing to publish on the drift gauges.
    private static Action<ModelMonitor, List<Measurement<double>>> OfLastReport(Action<MonitorSchema, DriftReport, List<Measurement<double>>> add) =>
        (monitor, measurements) =>
        {
            if (monitor.LastReport is { } report)
            {
                add(monitor.Schema, report, measurements);
            }
        };

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
