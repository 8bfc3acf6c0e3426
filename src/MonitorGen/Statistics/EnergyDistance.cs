using System;

namespace MonitorGen.Statistics;

/// <summary>Energy distance between two samples, as <c>scipy.stats.energy_distance</c>: sqrt(2) · (∫ (F_u − F_v)²)^(1/2).</summary>
internal static class EnergyDistance
{
    /// <summary>The energy distance, in the units of the data (not normalised; Evidently's threshold 0.1 applies to it as is).</summary>
    /// <param name="reference">The reference sample.</param>
    /// <param name="current">The current sample.</param>
    /// <returns>The distance.</returns>
    public static double Distance(ReadOnlySpan<double> reference, ReadOnlySpan<double> current) =>
        FromIntegral(CdfDistance.Integral(reference, current, 2));

    /// <summary><see cref="Distance"/> of two sorted samples.</summary>
    internal static double DistanceSorted(ReadOnlySpan<double> sortedReference, ReadOnlySpan<double> sortedCurrent) =>
        FromIntegral(CdfDistance.SortedIntegral(sortedReference, sortedCurrent, 2));

    private static double FromIntegral(double integral) => Math.Sqrt(2) * Math.Sqrt(integral);
}
