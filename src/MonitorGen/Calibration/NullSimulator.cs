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
            draws[b] = keepEmptyCells ? DriftStatistics.Binned(method, reference, current).Statistic : CountStatistic(method, reference, current);
        }

        return draws;
    }

    /// <summary>
    /// Count vectors against a fixed reference: each draw takes cell probabilities from Dirichlet(reference + prior), the
    /// distribution of the true proportions given the reference counts, then window counts from them, and compares the
    /// reference itself with the drawn window. This is the monitor's situation: its reference counts are fixed (exactly
    /// balanced, for quantile bins cut from the reference), and only the window is new.
    /// </summary>
    /// <param name="method">A count-based method.</param>
    /// <param name="reference">The reference counts.</param>
    /// <param name="prior">The Dirichlet prior added to each cell (it gives cells the reference never filled a chance).</param>
    /// <param name="currentSize">The window count of each draw.</param>
    /// <param name="resamples">The number of draws.</param>
    /// <param name="seed">The seed.</param>
    public static double[] CountsGivenReference(DriftMethod method, ReadOnlySpan<double> reference, ReadOnlySpan<double> prior, long currentSize,
        int resamples, ulong seed)
    {
        var random = CreateRandom(seed);
        var draws = new double[resamples];
        var probabilities = new double[reference.Length];
        var current = new double[reference.Length];
        for (int b = 0; b < resamples; b++)
        {
            double total = 0;
            for (int i = 0; i < probabilities.Length; i++)
            {
                double shape = reference[i] + prior[i];
                probabilities[i] = shape > 0 ? MathNet.Numerics.Distributions.Gamma.Sample(random, shape, 1) : 0;
                total += probabilities[i];
            }

            for (int i = 0; i < probabilities.Length; i++)
            {
                probabilities[i] /= total;
            }

            BinomialSampler.Multinomial(random, currentSize, probabilities, current);
            draws[b] = CountStatistic(method, reference, current);
        }

        return draws;
    }

    /// <summary>
    /// Raw samples against a fixed reference sample: each window is drawn from a smoothed bootstrap of the reference (a value
    /// of it plus Gaussian kernel noise, shrunk so that the variance is kept), and compared with the reference itself. A plain
    /// bootstrap would put every window value on a reference value, closer to the reference than new data ever is. A
    /// reference with many ties is taken as discrete, and drawn from without noise.
    /// </summary>
    /// <param name="method">A method that runs on samples.</param>
    /// <param name="reference">The reference sample.</param>
    /// <param name="currentSize">The window size of each draw.</param>
    /// <param name="resamples">The number of draws.</param>
    /// <param name="seed">The seed.</param>
    public static double[] SamplesGivenReference(DriftMethod method, ReadOnlySpan<double> reference, int currentSize, int resamples, ulong seed)
    {
        var random = CreateRandom(seed);
        double[] sorted = reference.ToArray();
        Array.Sort(sorted);
        (double mean, double bandwidth, double shrink) = Kernel(sorted);
        var draws = new double[resamples];
        var current = new double[currentSize];
        SortedStatistic? sortedStatistic = SortedStatisticOf(method, reference, sorted);
        for (int b = 0; b < resamples; b++)
        {
            for (int i = 0; i < current.Length; i++)
            {
                double x = reference[random.Next(reference.Length)];
                current[i] = bandwidth == 0 ? x : mean + ((x - mean + (bandwidth * MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1))) * shrink);
            }

            if (sortedStatistic is not null)
            {
                RadixSort.Sort(current);
                draws[b] = sortedStatistic(current);
            }
            else
            {
                draws[b] = DriftStatistics.Numerical(method, reference, current).Statistic;
            }
        }

        return draws;
    }

    private delegate double SortedStatistic(ReadOnlySpan<double> sortedCurrent);

    // The distances that integrate over the two CDFs take the reference sorted once (and wasserstein its scale), not once a draw:
    // at 2,048 reference values that sort was most of a fit's time. The same code as the check's, so the same values.
    private static SortedStatistic? SortedStatisticOf(DriftMethod method, ReadOnlySpan<double> reference, double[] sorted)
    {
        switch (method)
        {
            case DriftMethod.Wasserstein:
                double scale = WassersteinDistance.ScaleOf(reference);
                return current => WassersteinDistance.NormalisedSorted(sorted, scale, current);
            case DriftMethod.EnergyDistance:
                return current => EnergyDistance.DistanceSorted(sorted, current);
            default:
                return null;
        }
    }

    // Silverman's rule of thumb, 0.9 · min(sd, IQR / 1.34) · n^(-1/5); none for a sample whose values repeat (a fifth or more ties).
    private static (double Mean, double Bandwidth, double Shrink) Kernel(double[] sorted)
    {
        int n = sorted.Length;
        double mean = 0;
        foreach (double v in sorted)
        {
            mean += v;
        }

        mean /= n;
        if (n < 2 || Binning.CountDistinct(sorted) < 0.8 * n)
        {
            return (mean, 0, 1);
        }

        double variance = 0;
        foreach (double v in sorted)
        {
            variance += (v - mean) * (v - mean);
        }

        variance /= n;
        double iqr = MathNet.Numerics.Statistics.SortedArrayStatistics.InterquartileRange(sorted);
        double spread = Math.Min(Math.Sqrt(variance), iqr > 0 ? iqr / 1.34 : double.PositiveInfinity);
        double bandwidth = 0.9 * spread * Math.Pow(n, -0.2);
        if (!(bandwidth > 0 && variance > 0))
        {
            return (mean, 0, 1);
        }

        return (mean, bandwidth, 1 / Math.Sqrt(1 + (bandwidth * bandwidth / variance)));
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

    // The statistic alone: TVD's own test would run its 1,000 permutations for every draw.
    private static double CountStatistic(DriftMethod method, ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        if (method != DriftMethod.Tvd)
        {
            return DriftStatistics.Counts(method, reference, current).Statistic;
        }

        double n = 0, m = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            n += reference[i];
            m += current[i];
        }

        return TotalVariation.Distance(reference, current, n, m);
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
