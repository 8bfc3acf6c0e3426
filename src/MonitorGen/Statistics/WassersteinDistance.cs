using System;

namespace MonitorGen.Statistics;

/// <summary>First Wasserstein distance between two empirical distributions, normalised as Evidently does.</summary>
internal static class WassersteinDistance
{
    /// <summary>Evidently's floor on the reference standard deviation, so a constant reference does not divide by zero.</summary>
    public const double MinimumScale = 0.001;

    /// <summary>W1(ref, cur) / max(std(ref), 0.001) with the population standard deviation (ddof = 0).</summary>
    /// <param name="reference">The reference sample.</param>
    /// <param name="current">The current sample.</param>
    /// <returns>The normalised distance.</returns>
    public static double Normalised(ReadOnlySpan<double> reference, ReadOnlySpan<double> current) =>
        Distance(reference, current) / ScaleOf(reference);

    /// <summary>What <see cref="Normalised"/> divides by: max(std(reference), 0.001).</summary>
    internal static double ScaleOf(ReadOnlySpan<double> reference) => Math.Max(PairwiseSum.PopulationStd(reference), MinimumScale);

    /// <summary><see cref="Normalised"/> of two sorted samples, with the reference's <see cref="ScaleOf"/> given.</summary>
    internal static double NormalisedSorted(ReadOnlySpan<double> sortedReference, double scale, ReadOnlySpan<double> sortedCurrent) =>
        CdfDistance.SortedIntegral(sortedReference, sortedCurrent, 1) / scale;

    /// <summary>W1 = ∫ |F_u − F_v| dx, as <c>scipy.stats.wasserstein_distance</c>.</summary>
    /// <param name="u">One sample.</param>
    /// <param name="v">The other sample.</param>
    /// <returns>The distance, in the units of the data.</returns>
    public static double Distance(ReadOnlySpan<double> u, ReadOnlySpan<double> v) => CdfDistance.Integral(u, v, 1);
}
