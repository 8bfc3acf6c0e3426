using System;
using MonitorGen.Sketches;

namespace MonitorGen.Tests.Sketches;

/// <summary>
/// A merged reservoir is a uniform sample of the union: over many seeds, every value of either stream is kept equally
/// often, whichever side it came from and in whichever order the two were merged.
/// </summary>
public sealed class ReservoirUniformityTests
{
    private const int N1 = 300;
    private const int N2 = 900;
    private const int Capacity = 64;
    private const int Trials = 3000;
    private const int Groups = 12;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Merged_sample_keeps_every_value_of_the_union_equally_often(bool otherOrder)
    {
        long[] kept = Inclusions(otherOrder, weighted: true);

        // Groups of 100 consecutive values: 3 from the small stream, 9 from the large one.
        double expected = (double)Trials * Capacity / (N1 + N2) * ((N1 + N2) / Groups);
        double chi2 = 0;
        for (int g = 0; g < Groups; g++)
        {
            long observed = 0;
            for (int v = g * 100; v < (g + 1) * 100; v++)
            {
                observed += kept[v];
            }

            chi2 += (observed - expected) * (observed - expected) / expected;
        }

        // Chi-square with 11 degrees of freedom: 31.26 is its 0.999 quantile. Draws within a trial are without
        // replacement, which only lowers the statistic, so this errs towards passing a correct merge...
        Assert.True(chi2 < 31.26, $"chi-square {chi2:F2} over {Groups} groups");

        // ... and per value (1199 degrees of freedom; 0.999 quantile ≈ 1355).
        double perValue = (double)Trials * Capacity / (N1 + N2);
        double chi2Values = 0;
        foreach (long k in kept)
        {
            chi2Values += (k - perValue) * (k - perValue) / perValue;
        }

        Assert.True(chi2Values < 1355, $"per-value chi-square {chi2Values:F1}");
    }

    [Fact]
    public void The_same_check_rejects_a_merge_that_ignores_stream_sizes()
    {
        // Half from each side regardless of N1 and N2: the statistic must blow past the critical value, so the test
        // above can fail.
        long[] kept = Inclusions(otherOrder: false, weighted: false);
        long fromSmall = 0;
        for (int v = 0; v < N1; v++)
        {
            fromSmall += kept[v];
        }

        double expected = (double)Trials * Capacity * N1 / (N1 + N2);
        Assert.True(Math.Abs(fromSmall - expected) / Math.Sqrt(expected) > 10, $"{fromSmall} vs {expected}");
    }

    private static long[] Inclusions(bool otherOrder, bool weighted)
    {
        long[] kept = new long[N1 + N2];
        for (ulong trial = 0; trial < Trials; trial++)
        {
            var small = new Reservoir(Capacity, (trial * 3) + 1);
            var large = new Reservoir(Capacity, (trial * 3) + 2);
            for (int v = 0; v < N1; v++)
            {
                small.Add(v);
            }

            for (int v = N1; v < N1 + N2; v++)
            {
                large.Add(v);
            }

            double[] sample;
            if (weighted)
            {
                Reservoir target = otherOrder ? large : small;
                target.Merge(otherOrder ? small : large, (trial * 3) + 3);
                sample = target.ToArray();
            }
            else
            {
                sample = new double[Capacity];
                small.ToArray().AsSpan(0, Capacity / 2).CopyTo(sample);
                large.ToArray().AsSpan(0, Capacity / 2).CopyTo(sample.AsSpan(Capacity / 2));
            }

            foreach (double v in sample)
            {
                kept[(int)v]++;
            }
        }

        return kept;
    }
}
