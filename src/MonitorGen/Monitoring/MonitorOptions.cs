namespace MonitorGen;

/// <summary>How a monitor samples, tests and judges health.</summary>
public sealed class MonitorOptions
{
    /// <summary>The size of the current window's sample of each numerical feature, used by the rank tests. Default 2048.</summary>
    public int SampleSize { get; set; } = 2048;

    /// <summary>A feature with fewer current values than this is reported as not tested rather than tested on noise. Default 30.</summary>
    public int MinimumWindowSize { get; set; } = 30;

    /// <summary>The dataset has drifted when at least this share of the tested features drifted. Default 0.5.</summary>
    public double DriftShare { get; set; } = 0.5;

    /// <summary>Multiple-testing control over the p-value features. Default none, as in Evidently.</summary>
    public MultipleTestingCorrection Correction { get; set; } = MultipleTestingCorrection.None;

    /// <summary>The health check reports Unhealthy when more than this share of a window's rows had a data-quality issue. Default 0.1.</summary>
    public double MaxDataQualityFailureShare { get; set; } = 0.1;

    /// <summary>The seed of the window samples.</summary>
    public ulong Seed { get; set; } = 0xC0FFEE;

    internal static MonitorOptions Default { get; } = new();
}
