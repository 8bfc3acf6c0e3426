using System;
using System.Linq;
using MonitorGen.Statistics;

namespace MonitorGen.Tests.Statistics;

/// <summary>The speed-ups (radix sort, capped distinct count, direct bin index) and the Binned entry point give the old answers.</summary>
public sealed class FastPathTests
{
    private static double[] Sample(int n, int seed, Func<Random, double> draw)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => draw(rng)).ToArray();
    }

    [Theory]
    [InlineData(10, 1)]
    [InlineData(5000, 2)]
    [InlineData(100_000, 3)]
    public void Radix_sort_orders_as_Array_Sort(int n, int seed)
    {
        double[] values = Sample(n, seed, r => r.Next(4) switch
        {
            0 => (r.NextDouble() - 0.5) * 1e6,
            1 => Math.Round(r.NextDouble() * 10) - 5, // ties, ±0
            2 => (r.NextDouble() - 0.5) * 1e-300,
            _ => r.Next(2) == 0 ? -0.0 : double.MaxValue * (r.NextDouble() - 0.5),
        });
        double[] expected = (double[])values.Clone();
        Array.Sort(expected);
        RadixSort.Sort(values);
        for (int i = 0; i < n; i++)
        {
            Assert.True(expected[i] == values[i], $"index {i}: {expected[i]} vs {values[i]}");
            if (i > 0)
            {
                Assert.True(values[i - 1] <= values[i]);
            }
        }
    }

    [Fact]
    public void Capped_distinct_count_agrees_with_the_hash_set()
    {
        foreach (int k in new[] { 1, 5, 20, 21, 22, 1000 })
        {
            double[] values = Sample(10_000, k, r => r.Next(k) * 0.5);
            values[0] = -0.0;
            values[1] = 0.0;
            int full = Binning.CountDistinct(values);
            Assert.Equal(Math.Min(full, 21), Binning.CountDistinct(values, 21));
        }
    }

    [Fact]
    public void Bin_index_equals_the_binary_search()
    {
        double[] a = Sample(50_000, 7, r => Math.Round(r.NextDouble() * 7.3, 2) - 1.1);
        double[] b = Sample(40_000, 8, r => Math.Round(r.NextDouble() * 7.9, 2) - 1.0);
        double[] edges = Binning.SturgesEdges(a, b);
        foreach (double v in a.Concat(b).Concat(edges))
        {
            int upper = 0; // first edge > v
            while (upper < edges.Length && edges[upper] <= v)
            {
                upper++;
            }

            Assert.Equal(Math.Min(upper - 1, edges.Length - 2), Binning.BinOf(edges, v));
        }

        Assert.Equal(-1, Binning.BinOf(edges, edges[0] - 1e-9));
        Assert.Equal(-1, Binning.BinOf(edges, edges[^1] + 1e-9));
    }

    [Theory]
    [InlineData(DriftMethod.Psi)]
    [InlineData(DriftMethod.KlDiv)]
    [InlineData(DriftMethod.JensenShannon)]
    public void Binned_equals_Numerical_bit_for_bit(DriftMethod method)
    {
        // Sturges bins with empty bins inside (a gap in both samples), and the value-count path.
        double[] a = Sample(30_000, 11, r => r.NextDouble() < 0.5 ? r.NextDouble() : 5 + (r.NextDouble() * 2));
        double[] b = Sample(20_000, 12, r => r.NextDouble() < 0.4 ? r.NextDouble() * 1.1 : 5.2 + (r.NextDouble() * 2));
        double[] edges = Binning.SturgesEdges(a, b);
        DriftOutcome expected = DriftStatistics.Numerical(method, a, b);
        DriftOutcome binned = DriftStatistics.Binned(method, Binning.HistogramCounts(a, edges), Binning.HistogramCounts(b, edges));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Score), BitConverter.DoubleToInt64Bits(binned.Score));

        double[] fa = Sample(3000, 13, r => r.Next(6));
        double[] fb = Sample(2000, 14, r => r.Next(1, 8));
        (double[] rc, double[] cc) = Binning.ValueCounts(fa, fb);
        Assert.Equal(
            BitConverter.DoubleToInt64Bits(DriftStatistics.Numerical(method, fa, fb).Score),
            BitConverter.DoubleToInt64Bits(DriftStatistics.Binned(method, rc, cc).Score));
    }

    [Fact]
    public void Binned_rejects_other_methods_and_bad_counts()
    {
        Assert.Throws<ArgumentException>(() => DriftStatistics.Binned(DriftMethod.Ks, new[] { 1.0 }, new[] { 1.0 }));
        Assert.Throws<ArgumentException>(() => DriftStatistics.Binned(DriftMethod.Hellinger, new[] { 1.0 }, new[] { 1.0 }));
        Assert.Throws<ArgumentException>(() => DriftStatistics.Binned(DriftMethod.Psi, new[] { 1.0, 2.0 }, new[] { 1.0 }));
        Assert.Throws<ArgumentException>(() => DriftStatistics.Binned(DriftMethod.Psi, new[] { 0.0 }, new[] { 1.0 }));
        Assert.Throws<ArgumentException>(() => DriftStatistics.Binned(DriftMethod.Psi, new[] { -1.0, 2.0 }, new[] { 1.0, 1.0 }));
    }
}
