using System;
using System.Collections.Generic;
using MonitorGen.Calibration;
using MonitorGen.Labels;
using MonitorGen.Statistics;
using MonitorGen.Windows;

namespace MonitorGen;

/// <summary>How a monitor samples, tests and judges health.</summary>
public sealed class MonitorOptions
{
    /// <summary>The size of the current window's sample of each numerical feature, used by the rank tests. Default 2048.</summary>
    public int SampleSize { get; set; } = 2048;

    /// <summary>A feature with fewer current values than this is reported as not tested rather than tested on noise. Default 30.</summary>
    public int MinimumWindowSize { get; set; } = 30;

    /// <summary>
    /// A feature's current mean and standard deviation are reported only when its window holds at least this many
    /// values, so that a report never reveals one request's value (check, let one request through, check again). Null
    /// (the default) takes <see cref="MinimumWindowSize"/>.
    /// </summary>
    public int? MinimumReportedCount { get; set; }

    /// <summary>
    /// How drift is decided. <see cref="ThresholdMode.Calibrated"/> (the default): a feature drifts when its p-value, valid at
    /// the window's size, is at most <see cref="Alpha"/> and its effect reaches the method's floor.
    /// <see cref="ThresholdMode.Fixed"/>: Evidently's fixed thresholds, as <c>[DriftTest(Threshold = x)]</c> asks for one feature.
    /// </summary>
    public ThresholdMode Thresholds { get; set; } = ThresholdMode.Calibrated;

    /// <summary>The nominal per-feature false-alarm rate of a calibrated decision, in (0, 1). Default 0.05.</summary>
    public double Alpha { get; set; } = DriftCalibration.DefaultAlpha;

    /// <summary>Per-feature α, by feature name, over <see cref="Alpha"/>.</summary>
    public IDictionary<string, double> FeatureAlpha { get; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>
    /// Per-method practical-effect floors over the default (0.1 for every method; see docs/statistics.md); 0 turns a
    /// method's floor off.
    /// </summary>
    public IDictionary<DriftMethod, double> EffectFloors { get; } = new Dictionary<DriftMethod, double>();

    /// <summary>
    /// The false-alarm budget of the continuous rule (the health check and <c>monitorgen.drift.detected</c>): the expected
    /// number of checks of drift-free data per false alarm. Each of the d tested features alarms at
    /// β = 1 − (1 − 1/ERT)^(1/d). At least 1. Default 500.
    /// </summary>
    public double ExpectedRunLength { get; set; } = DriftCalibration.DefaultExpectedRunLength;

    /// <summary>The dataset has drifted when at least this share of the tested features drifted. Default 0.5.</summary>
    public double DriftShare { get; set; } = 0.5;

    /// <summary>Multiple-testing control over the p-value features. Default none, as in Evidently.</summary>
    public MultipleTestingCorrection Correction { get; set; } = MultipleTestingCorrection.None;

    /// <summary>The health check reports Unhealthy when more than this share of a window's rows had a data-quality issue. Default 0.1.</summary>
    public double MaxDataQualityFailureShare { get; set; } = 0.1;

    /// <summary>The seed of the window samples.</summary>
    public ulong Seed { get; set; } = 0xC0FFEE;

    /// <summary>When windows close: manual (each <see cref="ModelMonitor.CheckDrift"/>), tumbling by count or time, or
    /// sliding over a ring of sub-windows. Default <see cref="WindowPolicy.Manual"/>.</summary>
    public WindowPolicy Window { get; set; } = WindowPolicy.Manual;

    /// <summary>The clock of time windows and report timestamps. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The longest a drift check waits for a row still writing into one slot of the window shards. A slot held longer (a
    /// row blocked in a log sink or a listener) keeps its rows for the next check, and the wait is counted on
    /// <c>monitorgen.self.errors</c> with source <c>drift_check_wait</c>. Default 100 ms.
    /// </summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Where the monitor keeps its window state across restarts (typically next to the profile, for example
    /// <c>model.features.monitorstate.json</c>), or null (the default) to keep it in memory only. When set, the monitor
    /// restores the open window and the sliding ring from this file when it is built, and <see cref="ModelMonitor.SaveState"/>
    /// (called by the ASP.NET Core host when it stops) writes them. A file saved for another schema or profile, or corrupt,
    /// is refused: the monitor starts empty, and the refusal is logged and counted.
    /// </summary>
    public string? StatePath { get; set; }

    /// <summary>
    /// How many of the latest drift checks <see cref="ModelMonitor.RecentReports"/> keeps, for reports that show drift over
    /// time. Default 50; 0 keeps none besides <see cref="ModelMonitor.LastReport"/>.
    /// </summary>
    public int ReportHistory { get; set; } = 50;

    /// <summary>
    /// How many predictions of a type with a <see cref="PredictionAttribute"/> wait for their labels, in all: each takes
    /// 32 bytes, allocated when the monitor is built, and the oldest is pushed out (its label is then late) when a newer
    /// one needs the room. Default 65,536 (2 MiB).
    /// </summary>
    public int LabelCapacity { get; set; } = 65_536;

    /// <summary>
    /// The label horizon: how long after its prediction a label still counts. A later one is counted as late and left out
    /// of the realized performance. Default 14 days.
    /// </summary>
    public TimeSpan LabelHorizon { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// Where pending predictions and labelled windows live beyond the process: <see cref="LabelStore.Sqlite"/> (they survive
    /// a restart) or <see cref="LabelStore.PostgreSql"/> (shared by a fleet, so a label may arrive through any replica).
    /// Null (the default): in memory only. The hot path is the same either way; predictions reach the store in batches.
    /// </summary>
    public LabelStore? LabelStore { get; set; }

    /// <summary>
    /// How far realized performance may fall short of the profile's <see cref="ReferenceProfile.ReferencePerformance"/>
    /// before the health check says Degraded: accuracy points for a classifier (default 0.05: 0.85 against 0.90), the
    /// prediction's own unit of mean absolute error for a regressor. Degraded only with confidence 1 − <see cref="Alpha"/>:
    /// the one-sided bound of the window's figure must be beyond the margin, so a handful of labels never moves health.
    /// </summary>
    public double PerformanceMargin { get; set; } = 0.05;

    /// <summary>
    /// Where realized performance makes the health check Unhealthy, judged with the same confidence: the accuracy below
    /// which a classifier, or the mean absolute error above which a regressor, is unfit to serve. Null (the default): never.
    /// </summary>
    public double? PerformanceUnhealthyLimit { get; set; }

    /// <summary>
    /// Hand labels to ask for per <see cref="HandLabelPeriod"/>, or 0 (the default) for none. When a window closes, its
    /// predictions without a hand label are offered to a sampler that spends this budget by <see cref="HandLabelStrategy"/>;
    /// the chosen ones are served by <see cref="ModelMonitor.LabelRequests"/> (and <c>GET /monitoring/labels/requests</c>),
    /// each with its inclusion probability, and a hand label for one of them counts with weight 1/π in
    /// <see cref="Performance.PerformanceWindow.WeightedAccuracy"/>. Classifiers only.
    /// </summary>
    public double HandLabelBudget { get; set; }

    /// <summary>The period of <see cref="HandLabelBudget"/>. Default one day.</summary>
    public TimeSpan HandLabelPeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How the hand-label budget is spent. Default <see cref="LabelSamplingStrategy.LowConfidenceFirst"/>.</summary>
    public LabelSamplingStrategy HandLabelStrategy { get; set; } = LabelSamplingStrategy.LowConfidenceFirst;

    internal static MonitorOptions Default { get; } = new();
}
