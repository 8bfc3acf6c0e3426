using System;
using MonitorGen.Statistics;

namespace MonitorGen.Calibration;

/// <summary>Draws a drift statistic under no drift: both samples from one distribution, at given sizes.</summary>
/// <remarks>
/// Both sides are redrawn, so that the null holds the reference's own sampling error as well as the window's: a check
/// compares a finite reference with a finite window, and the false-alarm rate is averaged over both.
/// </remarks>
internal static class NullSimulator
{
    /// <summary>Count vectors: both sides multinomial over <paramref name="probabilities"/> (the reference's, or the pooled ones).</summary>
    /// <param name="method">A count-based method.</param>
    /// <param name="probabilities">Cell probabilities, summing to 1.</param>
    /// <param name="referenceSize">The reference count of each draw.</param>
    /// <param name="currentSize">The window count of each draw.</param>
    /// <param name="resamples">The number of draws.</param>
    /// <param name="seed">The seed; the same seed gives the same draws.</param>
    /// <param name="keepEmptyCells">Whether the statistic keeps cells empty on both sides (Sturges bins, as <see cref="DriftStatistics.Binned"/>).</param>
    public static double[] Counts(DriftMethod method, ReadOnlySpan<double> probabilities, long referenceSize, long currentSize, int resamples, ulong seed,
        bool keepEmptyCells = false)
    {
        var random = CreateRandom(seed);
        var draws = new double[resamples];
        var reference = new double[probabilities.Length];
        var current = new double[probabilities.Length];
        for (int b = 0; b < resamples; b++)
        {
            BinomialSampler.Multinomial(random, referenceSize, probabilities, reference);
            BinomialSampler.Multinomial(random, currentSize, probabilities, current);
            draws[b] = (keepEmptyCells
                ? DriftStatistics.Binned(method, reference, current)
                : DriftStatistics.Counts(method, reference, current)).Statistic;
        }

        return draws;
    }

    /// <summary>Raw samples: both sides drawn with replacement from <paramref name="pool"/>.</summary>
    /// <param name="method">A method that runs on samples.</param>
    /// <param name="pool">The values to draw from (the reference sample, or reference ∪ current).</param>
    /// <param name="referenceSize">The reference size of each draw.</param>
    /// <param name="currentSize">The window size of each draw.</param>
    /// <param name="resamples">The number of draws.</param>
    /// <param name="seed">The seed.</param>
    public static double[] Samples(DriftMethod method, ReadOnlySpan<double> pool, int referenceSize, int currentSize, int resamples, ulong seed)
    {
        var random = CreateRandom(seed);
        var draws = new double[resamples];
        var reference = new double[referenceSize];
        var current = new double[currentSize];
        for (int b = 0; b < resamples; b++)
        {
            Fill(random, pool, reference);
            Fill(random, pool, current);
            draws[b] = DriftStatistics.Numerical(method, reference, current).Statistic;
        }

        return draws;
    }

    /// <summary>A seed for one rung of one feature, so that each rung is reproducible on its own.</summary>
    public static ulong RungSeed(ulong seed, int size) => seed ^ ((ulong)size * 0x9E3779B97F4A7C15UL);

    private static void Fill(Random random, ReadOnlySpan<double> pool, Span<double> target)
    {
        for (int i = 0; i < target.Length; i++)
        {
            target[i] = pool[random.Next(pool.Length)];
        }
    }

    // System.Random with an int seed is a fixed algorithm across runtimes, which a stored null must be.
    private static Random CreateRandom(ulong seed) => new(unchecked((int)(seed ^ (seed >> 32))));
}
