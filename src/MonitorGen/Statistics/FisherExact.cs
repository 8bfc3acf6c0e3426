using System;

namespace MonitorGen.Statistics;

/// <summary>
/// Fisher's exact test, two-sided, on the 2×2 table [[ones_cur, zeros_cur], [ones_ref, zeros_ref]], as
/// <c>scipy.stats.fisher_exact</c>: the p-value sums the probabilities of every table no more likely than the observed one
/// (with SciPy's relative tolerance of 1e-14 for ties).
/// </summary>
internal static class FisherExact
{
    private const double RelativeTolerance = 1e-14;

    /// <summary>The odds ratio and the two-sided p-value.</summary>
    /// <param name="referenceCounts">Reference counts of at most two keys.</param>
    /// <param name="currentCounts">Current counts, aligned.</param>
    /// <returns>The sample odds ratio (infinite when a diagonal-off cell is 0; 1 for a single shared key) and the p-value.</returns>
    public static (double Statistic, double PValue) Test(ReadOnlySpan<double> referenceCounts, ReadOnlySpan<double> currentCounts)
    {
        if (referenceCounts.Length > 2)
        {
            throw new ArgumentException($"fisher_exact needs a binary feature, but there are {referenceCounts.Length} distinct values; use chisquare.");
        }

        if (referenceCounts.Length < 2)
        {
            // A column of the table is empty: no association can be measured, SciPy reports p = 1.
            return (1.0, 1.0);
        }

        long a = ToCount(currentCounts[0]), b = ToCount(currentCounts[1]);
        long c = ToCount(referenceCounts[0]), d = ToCount(referenceCounts[1]);
        double odds = c > 0 && b > 0 ? (double)a * d / ((double)c * b) : double.PositiveInfinity;

        long rowCurrent = a + b, rowReference = c + d, columnOnes = a + c;
        long lo = Math.Max(0, columnOnes - rowReference), hi = Math.Min(rowCurrent, columnOnes);

        // Hypergeometric weights of x = ones_cur relative to the mode, by the ratio recurrence: no factorials, no overflow.
        long mode = (long)((columnOnes + 1) * (double)(rowCurrent + 1) / (rowCurrent + rowReference + 2));
        mode = Math.Clamp(mode, lo, hi);
        int size = checked((int)(hi - lo + 1));
        double[] w = new double[size];
        w[mode - lo] = 1.0;
        for (long x = mode; x < hi; x++)
        {
            w[x + 1 - lo] = w[x - lo] * ((double)(rowCurrent - x) * (columnOnes - x)) / ((double)(x + 1) * (rowReference - columnOnes + x + 1));
        }

        for (long x = mode; x > lo; x--)
        {
            w[x - 1 - lo] = w[x - lo] * ((double)x * (rowReference - columnOnes + x)) / ((double)(rowCurrent - x + 1) * (columnOnes - x + 1));
        }

        double observed = w[a - lo];
        if (Math.Abs(observed - 1.0) <= RelativeTolerance)
        {
            return (odds, 1.0);
        }

        double threshold = observed * (1 + RelativeTolerance);
        double[] tail = new double[size];
        int kept = 0;
        for (int i = 0; i < size; i++)
        {
            if (w[i] <= threshold)
            {
                tail[kept++] = w[i];
            }
        }

        double total = PairwiseSum.Sum(w);
        double p = PairwiseSum.Sum(tail.AsSpan(0, kept)) / total;
        return (odds, Math.Min(p, 1.0));
    }

    private static long ToCount(double value)
    {
        if (value != Math.Floor(value) || value > long.MaxValue / 4)
        {
            throw new ArgumentException($"fisher_exact needs integer counts, got {value}.");
        }

        return (long)value;
    }
}
