using System;
using System.Linq;
using MonitorGen.Calibration;
using MonitorGen.Statistics;

namespace MonitorGen.Tests.Calibration;

/// <summary>The CLI's sorted-draw null for wasserstein and energy distance against the plain bootstrap it replaces.</summary>
public sealed class SortedDrawNullTests
{
    private static (double[] Reference, double[] Current) Lognormal(int n, int m, int seed)
    {
        var random = new Random(seed);
        double Draw() => Math.Exp(0.5 * MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1));
        return (Enumerable.Range(0, n).Select(_ => Draw()).ToArray(), Enumerable.Range(0, m).Select(_ => Draw()).ToArray());
    }

    [Fact]
    public void A_small_pool_is_every_pooled_value_sorted_and_a_large_one_a_sorted_sample_of_them()
    {
        (double[] r, double[] c) = Lognormal(300, 200, 1);
        double[] small = SortedDrawNull.Pool(r, c, seed: 5);
        Assert.Equal(r.Concat(c).Order(), small);

        (double[] big, double[] bigCurrent) = Lognormal(150_000, 100_000, 2);
        double[] pool = SortedDrawNull.Pool(big, bigCurrent, seed: 5);
        Assert.Equal(SortedDrawNull.PoolSize, pool.Length);
        Assert.Equal(pool.Order(), pool);
        var values = big.Concat(bigCurrent).ToHashSet();
        Assert.All(pool, v => Assert.Contains(v, values));
        // A uniform sample: its CDF is within a few 1/sqrt(65536) of the pooled one (the KS statistic of the two).
        Assert.True(DriftStatistics.Numerical(DriftMethod.Ks, pool, big.Concat(bigCurrent).ToArray()).Statistic < 0.01);
    }

    [Theory]
    [InlineData(DriftMethod.Wasserstein)]
    [InlineData(DriftMethod.EnergyDistance)]
    public void Each_draw_is_the_statistic_of_two_sorted_samples_and_the_same_seed_gives_the_same_draws(DriftMethod method)
    {
        (double[] r, double[] c) = Lognormal(3000, 3000, 3);
        double[] pool = SortedDrawNull.Pool(r, c, seed: 9);
        double[] first = SortedDrawNull.Draws(method, pool, 500, 400, 200, seed: 9);
        Assert.Equal(first, SortedDrawNull.Draws(method, pool, 500, 400, 200, seed: 9));
        Assert.NotEqual(first, SortedDrawNull.Draws(method, pool, 500, 400, 200, seed: 10));
        Assert.All(first, d => Assert.True(d > 0 && double.IsFinite(d)));
        Assert.Throws<ArgumentException>(() => SortedDrawNull.Draws(DriftMethod.Ks, pool, 10, 10, 1, 1));
    }

    [Theory]
    [InlineData(DriftMethod.Wasserstein)]
    [InlineData(DriftMethod.EnergyDistance)]
    public void Its_null_quantiles_are_the_plain_bootstraps_within_the_monte_carlo_error(DriftMethod method)
    {
        // 250,000 pooled values: the sorted-draw null draws from 65,536 of them, the plain one from all.
        (double[] r, double[] c) = Lognormal(150_000, 100_000, 4);
        double[] pooled = r.Concat(c).ToArray();
        double[] plain = NullSimulator.Samples(method, pooled, 2000, 2000, 2000, seed: 11).Order().ToArray();
        double[] sorted = SortedDrawNull.Draws(method, SortedDrawNull.Pool(r, c, seed: 11), 2000, 2000, 2000, seed: 11).Order().ToArray();
        foreach (double q in new[] { 0.5, 0.9, 0.95, 0.99 })
        {
            double a = plain[(int)(q * plain.Length)], b = sorted[(int)(q * sorted.Length)];
            // 2,000 draws estimate the 0.95 quantile to about 3 % (its order statistic's spread); 10 % fails a wrong null.
            Assert.True(Math.Abs(a - b) / a < 0.10, $"{method} q{q}: plain {a:G6}, sorted draws {b:G6}");
        }

        // Both are nulls of the statistic under no drift: the two sets of draws are one distribution.
        Assert.True(DriftStatistics.Numerical(DriftMethod.Ks, plain, sorted).PValue > 0.001);
    }

    [Theory]
    [InlineData(2000, 2000, 1)]
    [InlineData(500, 1999, 2)]
    [InlineData(1, 7, 3)]
    public void The_draws_wasserstein_is_the_library_statistic_to_rounding(int n, int m, int seed)
    {
        (double[] r, double[] c) = Lognormal(n, m, seed);
        // Ties across the samples, as draws with replacement from one pool have.
        c[0] = r[0];
        Array.Sort(r);
        Array.Sort(c);
        double library = WassersteinDistance.Normalised(r, c);
        Assert.Equal(library, SortedDrawNull.NormalisedWasserstein(r, c), library * 1e-12);
        // The scale's floor, for a reference without spread.
        double[] constant = Enumerable.Repeat(2.0, n).ToArray();
        Assert.Equal(WassersteinDistance.Normalised(constant, c), SortedDrawNull.NormalisedWasserstein(constant, c), 1e-9);
    }
}
