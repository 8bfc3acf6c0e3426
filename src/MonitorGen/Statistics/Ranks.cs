using System;

namespace MonitorGen.Statistics;

/// <summary>Mid-ranks of a pooled sample (<c>scipy.stats.rankdata(method="average")</c>) and the tie sizes they imply.</summary>
internal static class Ranks
{
    /// <summary>Mid-ranks (1-based) of <paramref name="values"/>, in input order.</summary>
    public static double[] MidRanks(ReadOnlySpan<double> values, out double tieTerm)
    {
        int n = values.Length;
        double[] sorted = values.ToArray();
        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(sorted, order);
        double[] ranks = new double[n];
        tieTerm = 0;
        int start = 0;
        while (start < n)
        {
            int end = start + 1;
            while (end < n && sorted[end] == sorted[start])
            {
                end++;
            }

            // Positions start..end-1 hold ranks start+1..end; their mean is the mid-rank.
            double mid = (start + 1 + end) / 2.0;
            for (int i = start; i < end; i++)
            {
                ranks[order[i]] = mid;
            }

            double t = end - start;
            tieTerm += (t * t * t) - t;
            start = end;
        }

        return ranks;
    }

    /// <summary>Concatenates two samples (reference first).</summary>
    public static double[] Pool(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double[] all = new double[a.Length + b.Length];
        a.CopyTo(all);
        b.CopyTo(all.AsSpan(a.Length));
        return all;
    }
}
