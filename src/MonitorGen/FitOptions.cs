namespace MonitorGen;

/// <summary>How a reference profile is fitted.</summary>
public sealed class FitOptions
{
    /// <summary>The number of quantile bins of a numerical feature with more than <see cref="MaxDiscreteValues"/> distinct values. Default 10.</summary>
    public int NumericBins { get; set; } = 10;

    /// <summary>A numerical feature with at most this many distinct values gets one bin per value. Default 20, as in the batch binning rule.</summary>
    public int MaxDiscreteValues { get; set; } = 20;

    /// <summary>The size of the reference sample kept for the rank tests. Default 2048.</summary>
    public int SampleSize { get; set; } = 2048;

    /// <summary>The category cap of string features: the most frequent categories are kept, the rest count as "other". Default 100.</summary>
    public int MaxCategories { get; set; } = 100;

    /// <summary>
    /// Draws per window size of the null distribution stored for the methods a calibrated check needs it for (the distances,
    /// chisquare and g_test); 0 stores none, and those features then fall back to fixed thresholds. Default 2000.
    /// </summary>
    public int NullResamples { get; set; } = Calibration.DriftCalibration.DefaultFitResamples;

    // The rungs to draw instead of the whole ladder, for simulations that need one size (each rung is seeded by its size, so
    // a rung drawn alone equals the same rung of the full ladder).
    internal int[]? NullSizes { get; set; }

    /// <summary>The seed of the reference sample.</summary>
    public ulong Seed { get; set; } = 0x5EED;

    internal static FitOptions Default { get; } = new();
}
