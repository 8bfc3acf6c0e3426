using System;

namespace MonitorGen.Sketches;

/// <summary>
/// Count, mean, sum of squared deviations (M2), min and max of a stream: Welford's update, and Chan, Golub and LeVeque's
/// parallel formula to merge two summaries.
/// </summary>
/// <remarks>
/// A value type with no lock: each numerical window keeps one, updated by the window's single writer (see
/// <see cref="Monitoring.WindowShard"/>), and the windows of several threads merge when they close.
/// Merging is commutative exactly and associative up to floating-point rounding.
/// </remarks>
internal readonly record struct RunningMoments(long Count, double Mean, double M2, double Min, double Max)
{
    /// <summary>The summary of no values.</summary>
    public static RunningMoments Empty { get; } = new(0, 0, 0, double.PositiveInfinity, double.NegativeInfinity);

    /// <summary>The population variance (ddof = 0), or NaN when empty.</summary>
    public double PopulationVariance => Count == 0 ? double.NaN : M2 / Count;

    /// <summary>The sample variance (ddof = 1), or NaN below two values.</summary>
    public double SampleVariance => Count < 2 ? double.NaN : M2 / (Count - 1);

    /// <summary>The population standard deviation (ddof = 0), as the wasserstein normaliser uses.</summary>
    public double PopulationStandardDeviation => Math.Sqrt(PopulationVariance);

    /// <summary>Summarises <paramref name="values"/>.</summary>
    public static RunningMoments Of(ReadOnlySpan<double> values)
    {
        RunningMoments moments = Empty;
        foreach (double value in values)
        {
            moments = moments.Add(value);
        }

        return moments;
    }

    /// <summary>This summary with one more value (Welford).</summary>
    public RunningMoments Add(double value)
    {
        long n = Count + 1;
        double delta = value - Mean;
        double mean = Mean + (delta / n);
        return new RunningMoments(n, mean, M2 + (delta * (value - mean)), Math.Min(Min, value), Math.Max(Max, value));
    }

    /// <summary>The summary of the union of the two streams (Chan et al.).</summary>
    public RunningMoments Merge(RunningMoments other)
    {
        if (other.Count == 0)
        {
            return this;
        }

        if (Count == 0)
        {
            return other;
        }

        long n = Count + other.Count;
        double delta = other.Mean - Mean;
        // The weighted mean rather than Mean + delta·n2/n: it is symmetric in the two sides, so a ⊕ b == b ⊕ a bit for bit.
        double mean = ((Count * Mean) + (other.Count * other.Mean)) / n;
        if (!double.IsFinite(mean))
        {
            mean = Mean + (delta * ((double)other.Count / n));
        }

        double m2 = M2 + other.M2 + (delta * delta * ((double)Count * other.Count / n));
        return new RunningMoments(n, mean, m2, Math.Min(Min, other.Min), Math.Max(Max, other.Max));
    }
}
