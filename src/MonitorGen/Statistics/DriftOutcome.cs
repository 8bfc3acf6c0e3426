namespace MonitorGen.Statistics;

/// <summary>The result of one drift test on one feature.</summary>
/// <param name="Method">The method that produced the result.</param>
/// <param name="Statistic">The test statistic, or the distance for distance methods.</param>
/// <param name="PValue">The p-value for p-value methods; <see langword="null"/> for distance methods.</param>
public readonly record struct DriftOutcome(DriftMethod Method, double Statistic, double? PValue)
{
    /// <summary>The value compared with the threshold: the p-value for p-value methods, the distance otherwise.</summary>
    public double Score => PValue ?? Statistic;
}
