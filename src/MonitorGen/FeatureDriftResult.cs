using MonitorGen.Statistics;

namespace MonitorGen;

/// <summary>The drift test of one feature in one window.</summary>
public sealed class FeatureDriftResult
{
    /// <summary>The feature name.</summary>
    public required string Feature { get; init; }

    /// <summary>Numerical or categorical.</summary>
    public required FeatureKind Kind { get; init; }

    /// <summary>The method's Evidently id, such as <c>ks</c> or <c>psi</c>; <c>none</c> for a range-checked feature.</summary>
    public required string Method { get; init; }

    /// <summary>Whether the test ran; see <see cref="Note"/> when it did not.</summary>
    public required bool Tested { get; init; }

    /// <summary>The test statistic or distance.</summary>
    public double? Statistic { get; init; }

    /// <summary>The raw p-value, for p-value methods.</summary>
    public double? PValue { get; init; }

    /// <summary>
    /// The p-value after multiple-testing control, when a correction is configured: of <see cref="CalibratedPValue"/> under
    /// calibrated thresholds (every tested feature), of <see cref="PValue"/> under fixed ones (the p-value methods).
    /// </summary>
    public double? AdjustedPValue { get; set; }

    /// <summary>The number compared with the threshold: the (adjusted) p-value, or the distance.</summary>
    public double? Score { get; set; }

    /// <summary>
    /// The threshold the decision used. Fixed: the threshold on <see cref="Score"/> (the method's default or a declared one).
    /// Calibrated: α for the p-value methods, which compare <see cref="CalibratedPValue"/> with it; for the distances, the
    /// null distribution's (1 − α) quantile at this window's size, in the distance's units; +∞ when α is smaller than the
    /// null can resolve.
    /// </summary>
    public required double Threshold { get; init; }

    /// <summary>Whether <see cref="Threshold"/> is calibrated or fixed.</summary>
    public ThresholdMode ThresholdMode { get; init; }

    /// <summary>Calibrated: the nominal per-feature false-alarm rate α.</summary>
    public double? Alpha { get; init; }

    /// <summary>
    /// Calibrated: the p-value compared with α. The method's own p-value where it is valid at these sizes; for the distances,
    /// chisquare and g_test, the tail probability of the statistic under the null resampled from the reference.
    /// </summary>
    public double? CalibratedPValue { get; init; }

    /// <summary>Calibrated: the practical effect, which must reach <see cref="EffectFloor"/> for a drift.</summary>
    public double? Effect { get; init; }

    /// <summary>
    /// Calibrated: what <see cref="Effect"/> measures: the method's own distance (its id), <c>ks_statistic</c>,
    /// <c>mean_shift</c> (in reference standard deviations), <c>wasserstein</c> (over the reference standard deviation) or
    /// <c>jensenshannon</c> (of the count proportions).
    /// </summary>
    public string? EffectMeasure { get; init; }

    // The effect the decision used, even where Effect is held back; corrections re-judge with it.
    internal double DecisionEffect { get; init; } = double.NaN;

    /// <summary>Calibrated: the practical-effect floor.</summary>
    public double? EffectFloor { get; init; }

    /// <summary>Whether the feature drifted: calibrated, the p-value at most α and the effect at least the floor; fixed, the score beyond the threshold.</summary>
    public bool Drifted { get; set; }

    /// <summary>
    /// Whether the continuous rule alarmed on this feature: calibrated, the p-value at most <see cref="AlarmLevel"/> and the
    /// effect at least the floor; fixed, the same as <see cref="Drifted"/>. The <c>monitorgen.drift.detected</c> gauge reports it.
    /// </summary>
    public bool Alarmed { get; set; }

    /// <summary>Calibrated: the per-feature level β of the false-alarm budget (<see cref="DriftReport.ExpectedRunLength"/>).</summary>
    public double? AlarmLevel { get; set; }

    /// <summary>
    /// False when the statistic comes from sketches (reference bins, samples) rather than the full samples;
    /// docs/streaming.md gives each sketch's error bound. True for t_test, which the window's running moments give exactly.
    /// </summary>
    public required bool Exact { get; init; }

    /// <summary>Valid reference values.</summary>
    public required long ReferenceCount { get; init; }

    /// <summary>Valid values in the window.</summary>
    public required long CurrentCount { get; init; }

    /// <summary>Numerical: the reference mean.</summary>
    public double? ReferenceMean { get; init; }

    /// <summary>Numerical: the reference population standard deviation.</summary>
    public double? ReferenceStandardDeviation { get; init; }

    /// <summary>Numerical: the mean of every valid value of the window (running moments, not the sample).</summary>
    public double? CurrentMean { get; init; }

    /// <summary>Numerical: the population standard deviation of every valid value of the window.</summary>
    public double? CurrentStandardDeviation { get; init; }

    /// <summary>Null values in the window.</summary>
    public long Missing { get; init; }

    /// <summary>NaN or infinite values in the window.</summary>
    public long NonFinite { get; init; }

    /// <summary>Values outside the expected range in the window.</summary>
    public long OutOfRange { get; init; }

    /// <summary>Unseen categories (and undefined enum values) in the window.</summary>
    public long UnseenCategory { get; init; }

    /// <summary>
    /// The reference and current counts on the reference's bins, which a report draws; null when the window holds fewer
    /// values than a statistic may be reported from (<see cref="MonitorOptions.MinimumReportedCount"/>), so that a bar
    /// cannot give one row's value away.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public FeatureDistribution? Distribution { get; init; }

    /// <summary>Why the test did not run, or failed.</summary>
    public string? Note { get; init; }

    /// <summary>The KPI's metric name when the feature's member is also a <see cref="KpiMetricAttribute"/>: KPI drift against
    /// the reference is this feature's drift. Null for a plain feature.</summary>
    public string? Kpi { get; set; }
}
