using System;
using MathNet.Numerics;

namespace MonitorGen.Statistics;

/// <summary>Pearson's chi-square goodness of fit of the current counts to the reference counts scaled to the current size (Evidently's <c>chisquare</c>).</summary>
internal static class ChiSquareTest
{
    /// <summary>The statistic Σ (o − e)²/e with e = ref·m/n, and its p-value on (keys − 1) degrees of freedom.</summary>
    /// <param name="referenceCounts">Reference counts per key; keys absent from both samples must already be removed.</param>
    /// <param name="currentCounts">Current counts per key, aligned with <paramref name="referenceCounts"/>.</param>
    /// <returns>The statistic and p-value; a key seen only in the current sample gives an infinite statistic and p = 0.</returns>
    public static (double Statistic, double PValue) Test(ReadOnlySpan<double> referenceCounts, ReadOnlySpan<double> currentCounts)
    {
        double[] expected = ScaledExpected(referenceCounts, currentCounts);
        double[] terms = new double[expected.Length];
        for (int i = 0; i < terms.Length; i++)
        {
            double diff = currentCounts[i] - expected[i];
            terms[i] = diff * diff / expected[i];
        }

        double statistic = PairwiseSum.Sum(terms);
        return (statistic, ChiSquaredSf(statistic, expected.Length - 1));
    }

    /// <summary>counts_ref · (m / n), the expected current counts under no drift, formed as Evidently forms them.</summary>
    internal static double[] ScaledExpected(ReadOnlySpan<double> referenceCounts, ReadOnlySpan<double> currentCounts)
    {
        double n = 0, m = 0;
        foreach (double c in referenceCounts)
        {
            n += c;
        }

        foreach (double c in currentCounts)
        {
            m += c;
        }

        double norm = m / n;
        double[] expected = new double[referenceCounts.Length];
        for (int i = 0; i < expected.Length; i++)
        {
            expected[i] = referenceCounts[i] * norm;
        }

        return expected;
    }

    /// <summary>The upper tail of the chi-squared distribution, Q(df/2, x/2), as SciPy's <c>chdtrc</c>.</summary>
    internal static double ChiSquaredSf(double x, int degreesOfFreedom)
    {
        if (double.IsPositiveInfinity(x))
        {
            return 0.0;
        }

        if (x <= 0)
        {
            return 1.0;
        }

        return SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, x / 2.0);
    }
}
