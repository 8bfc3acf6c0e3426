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

    /// <summary>The p-value after multiple-testing control, when a correction is configured.</summary>
    public double? AdjustedPValue { get; set; }

    /// <summary>The number compared with the threshold: the (adjusted) p-value, or the distance.</summary>
    public double? Score { get; set; }

    /// <summary>The threshold.</summary>
    public required double Threshold { get; init; }

    /// <summary>Whether the feature drifted.</summary>
    public bool Drifted { get; set; }

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

    /// <summary>Why the test did not run, or failed.</summary>
    public string? Note { get; init; }
}
