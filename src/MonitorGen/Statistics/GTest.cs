using System;

namespace MonitorGen.Statistics;

/// <summary>
/// The G-test (log-likelihood power divergence) of the current counts against the reference counts scaled to the current size.
/// Evidently passes unscaled counts, which SciPy 1.9+ rejects unless n = m; scaling is the correct test and agrees wherever Evidently runs.
/// </summary>
internal static class GTest
{
    /// <summary>G = 2 Σ o·ln(o/e), and its p-value on (keys − 1) degrees of freedom.</summary>
    /// <param name="referenceCounts">Reference counts per key; keys absent from both samples must already be removed.</param>
    /// <param name="currentCounts">Current counts per key, aligned with <paramref name="referenceCounts"/>.</param>
    /// <returns>The statistic and the p-value.</returns>
    public static (double Statistic, double PValue) Test(ReadOnlySpan<double> referenceCounts, ReadOnlySpan<double> currentCounts)
    {
        double[] expected = ChiSquareTest.ScaledExpected(referenceCounts, currentCounts);
        double[] terms = new double[expected.Length];
        for (int i = 0; i < terms.Length; i++)
        {
            double o = currentCounts[i];
            terms[i] = o == 0 ? 0.0 : (expected[i] == 0 ? double.PositiveInfinity : o * Math.Log(o / expected[i]));
        }

        double statistic = 2.0 * PairwiseSum.Sum(terms);
        return (statistic, ChiSquareTest.ChiSquaredSf(statistic, expected.Length - 1));
    }
}
