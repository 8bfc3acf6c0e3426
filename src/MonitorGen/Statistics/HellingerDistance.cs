using System;

namespace MonitorGen.Statistics;

/// <summary>Hellinger distance, as Evidently's <c>hellinger</c> defines it for categorical and numerical features.</summary>
internal static class HellingerDistance
{
    /// <summary>sqrt(1 − clip(Σ sqrt(r·c), 0, 1)) over aligned proportions.</summary>
    /// <param name="referenceProportions">Reference proportions per key.</param>
    /// <param name="currentProportions">Current proportions per key.</param>
    /// <returns>The distance in [0, 1].</returns>
    public static double Categorical(ReadOnlySpan<double> referenceProportions, ReadOnlySpan<double> currentProportions)
    {
        double bc = 0.0;
        for (int i = 0; i < referenceProportions.Length; i++)
        {
            bc += Math.Sqrt(referenceProportions[i] * currentProportions[i]);
        }

        return Math.Sqrt(1 - Math.Clamp(bc, 0.0, 1.0));
    }

    /// <summary>
    /// Both histogram densities over the Sturges edges of the distinct values of ref ∪ cur; the Bhattacharyya coefficient is
    /// Σ sqrt(h1·h2)·w with w = (max − min)/bins, then sqrt(1 − clip(bc, 0, 1)).
    /// </summary>
    /// <remarks>
    /// When ref ∪ cur holds a single value, Evidently's bin width is 0 and it reports 1 (total drift) for identical samples;
    /// here that case falls back to the categorical definition, which gives 0.
    /// </remarks>
    /// <param name="reference">The reference sample.</param>
    /// <param name="current">The current sample.</param>
    /// <returns>The distance in [0, 1].</returns>
    public static double Numerical(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        (double[] refCounts, double[] curCounts) = Binning.ValueCounts(reference, current);
        int keys = refCounts.Length;
        if (keys < 2)
        {
            return Categorical(Binning.ToProportions(refCounts), Binning.ToProportions(curCounts));
        }

        double[] distinct = DistinctSorted(reference, current);
        double min = distinct[0], max = distinct[^1];
        double[] edges = Binning.SturgesEdges(min, max, distinct.Length);
        double[] h1 = Density(Binning.HistogramCounts(reference, edges), edges);
        double[] h2 = Density(Binning.HistogramCounts(current, edges), edges);
        double width = (max - min) / h1.Length;
        double bc = 0.0;
        for (int i = 0; i < h1.Length; i++)
        {
            bc += Math.Sqrt(h1[i] * h2[i]) * width;
        }

        return Math.Sqrt(1 - Math.Clamp(bc, 0.0, 1.0));
    }

    private static double[] Density(double[] counts, double[] edges)
    {
        double total = 0;
        foreach (double c in counts)
        {
            total += c;
        }

        double[] density = new double[counts.Length];
        for (int i = 0; i < counts.Length; i++)
        {
            // NumPy's order: counts / bin width / total.
            density[i] = counts[i] / (edges[i + 1] - edges[i]) / total;
        }

        return density;
    }

    private static double[] DistinctSorted(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double[] all = Ranks.Pool(a, b);
        RadixSort.Sort(all);
        int k = 0;
        for (int i = 0; i < all.Length; i++)
        {
            if (i == 0 || all[i] != all[k - 1])
            {
                all[k++] = all[i];
            }
        }

        return all[..k];
    }
}
