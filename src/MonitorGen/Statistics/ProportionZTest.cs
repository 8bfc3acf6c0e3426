using System;
using MathNet.Numerics.Distributions;

namespace MonitorGen.Statistics;

/// <summary>Pooled two-proportion z-test on the share of the first key (Evidently's <c>z</c>).</summary>
internal static class ProportionZTest
{
    /// <summary>z = (p1 − p2)/sqrt(P(1 − P)(1/n + 1/m)) and p = 2(1 − Φ(|z|)), the latter formed as Evidently forms it.</summary>
    /// <param name="referenceCounts">Reference counts of at most two keys (keys absent from both samples already removed).</param>
    /// <param name="currentCounts">Current counts, aligned.</param>
    /// <returns>z for the share of key 0 (reference minus current), and the two-sided p-value; (0, 1) for a single shared key.</returns>
    public static (double Statistic, double PValue) Test(ReadOnlySpan<double> referenceCounts, ReadOnlySpan<double> currentCounts)
    {
        if (referenceCounts.Length > 2)
        {
            throw new ArgumentException($"z compares the share of one of two values, but there are {referenceCounts.Length} distinct values; use chisquare.");
        }

        if (referenceCounts.Length < 2)
        {
            // Both samples hold the same single value: Evidently reports p = 1.
            return (0.0, 1.0);
        }

        double n1 = referenceCounts[0] + referenceCounts[1];
        double n2 = currentCounts[0] + currentCounts[1];
        double p1 = referenceCounts[0] / n1;
        double p2 = currentCounts[0] / n2;
        double pooled = ((p1 * n1) + (p2 * n2)) / (n1 + n2);
        double z = (p1 - p2) / Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));
        return (z, 2 * (1 - Normal.CDF(0.0, 1.0, Math.Abs(z))));
    }
}
