using System;

namespace MonitorGen.Statistics;

/// <summary>Total variation distance 0.5·Σ |r − c| between category proportions, with a seeded permutation p-value (<c>TVD</c>).</summary>
internal static class TotalVariation
{
    /// <summary>Largest total count the permutation test accepts (one int per observation is held).</summary>
    public const long MaxPooledCount = 100_000_000;

    /// <summary>The distance and the permutation p-value (<see cref="PermutationTest"/>).</summary>
    /// <param name="referenceCounts">Integer reference counts per key.</param>
    /// <param name="currentCounts">Integer current counts per key, aligned.</param>
    /// <returns>The distance and the p-value.</returns>
    public static (double Statistic, double PValue) Test(ReadOnlySpan<double> referenceCounts, ReadOnlySpan<double> currentCounts)
    {
        int k = referenceCounts.Length;
        long n = 0, m = 0;
        for (int i = 0; i < k; i++)
        {
            n += ToCount(referenceCounts[i]);
            m += ToCount(currentCounts[i]);
        }

        double observed = Distance(referenceCounts, currentCounts, n, m);
        if (n + m > MaxPooledCount)
        {
            throw new ArgumentException($"TVD's permutation test holds every observation; n + m = {n + m} exceeds {MaxPooledCount}.");
        }

        int total = (int)(n + m);
        int[] pooled = new int[total];
        for (int i = 0, pos = 0; i < k; i++)
        {
            int c = (int)(referenceCounts[i] + currentCounts[i]);
            pooled.AsSpan(pos, c).Fill(i);
            pos += c;
        }

        // Drawing the smaller sample is cheaper; its complement is the other sample.
        bool drawReference = n <= m;
        int take = (int)(drawReference ? n : m);
        double[] pooledCounts = new double[k];
        for (int i = 0; i < k; i++)
        {
            pooledCounts[i] = referenceCounts[i] + currentCounts[i];
        }

        var random = new Random(PermutationTest.Seed);
        double[] drawn = new double[k];
        double[] rest = new double[k];
        double[] stats = new double[PermutationTest.Permutations];
        for (int p = 0; p < stats.Length; p++)
        {
            PermutationTest.ShuffleFront(pooled, take, random);
            Array.Clear(drawn);
            for (int i = 0; i < take; i++)
            {
                drawn[pooled[i]]++;
            }

            for (int i = 0; i < k; i++)
            {
                rest[i] = pooledCounts[i] - drawn[i];
            }

            stats[p] = drawReference ? Distance(drawn, rest, n, m) : Distance(rest, drawn, n, m);
        }

        return (observed, PermutationTest.PValue(observed, stats));
    }

    /// <summary>0.5·Σ |r/n − c/m|.</summary>
    public static double Distance(ReadOnlySpan<double> referenceCounts, ReadOnlySpan<double> currentCounts, double n, double m)
    {
        double sum = 0;
        for (int i = 0; i < referenceCounts.Length; i++)
        {
            sum += Math.Abs((referenceCounts[i] / n) - (currentCounts[i] / m));
        }

        return 0.5 * sum;
    }

    private static long ToCount(double value)
    {
        if (value != Math.Floor(value) || value > int.MaxValue)
        {
            throw new ArgumentException($"TVD's permutation test needs integer counts, got {value}.");
        }

        return (long)value;
    }
}
