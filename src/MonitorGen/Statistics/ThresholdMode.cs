namespace MonitorGen.Statistics;

/// <summary>How a drift decision is reached from a feature's score.</summary>
public enum ThresholdMode
{
    /// <summary>
    /// The default: a feature drifts when its score is beyond the (1 − α) quantile of its null distribution at the actual
    /// sizes (a p-value at most α, where the p-value is valid at those sizes, or a distance beyond a resampled null
    /// quantile) and its effect reaches the method's practical-effect floor. The false-alarm rate is α at every window size.
    /// </summary>
    Calibrated = 0,

    /// <summary>Evidently's decision: the score against a fixed threshold (the method's default or a declared one), no floor.</summary>
    Fixed = 1,
}
