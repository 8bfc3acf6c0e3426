using System;
using MonitorGen.Statistics;

namespace MonitorGen.Calibration;

/// <summary>
/// The resampled null of the distances that integrate over two empirical CDFs (wasserstein, energy distance), for the
/// CLI's large files: both samples of each draw are taken with replacement from a sorted pool, and come out sorted.
/// </summary>
/// <remarks>
/// <see cref="NullSimulator.Samples"/> draws the same way in distribution, but reads the pool at random (at 2 × 10^6
/// values, 16 MB: a cache and TLB miss per value) and sorts each draw. Here a draw's positions, below 2^16, are put in
/// increasing order by a two-pass radix sort on their bytes and read in that order, so the sample comes out sorted.
/// Above <see cref="PoolSize"/> values the pool is a uniform sample, with replacement, of that many of the pooled values,
/// which fits in the cache: the null is then the one of that sample's distribution, whose CDF is within about
/// 1/√<see cref="PoolSize"/> = 0.4 % of the pooled data's, against the 1/√2000 = 2.2 % resolution of a draw.
/// </remarks>
internal static class SortedDrawNull
{
    /// <summary>The most values the pool holds: 65,536 doubles, 512 KB.</summary>
    public const int PoolSize = 1 << 16;

    // The draws are made in this many chunks, which the cores share.
    private const int Chunks = 8;

    /// <summary>Whether <paramref name="method"/>'s null can be drawn here.</summary>
    public static bool Supports(DriftMethod method) => method is DriftMethod.Wasserstein or DriftMethod.EnergyDistance;

    /// <summary>The sorted pool of the null: all of reference ∪ current, or <see cref="PoolSize"/> values drawn from it.</summary>
    public static double[] Pool(ReadOnlySpan<double> reference, ReadOnlySpan<double> current, ulong seed)
    {
        int total = reference.Length + current.Length;
        double[] pool;
        if (total <= PoolSize)
        {
            pool = new double[total];
            reference.CopyTo(pool);
            current.CopyTo(pool.AsSpan(reference.Length));
        }
        else
        {
            pool = new double[PoolSize];
            var random = new SplitMix64(seed ^ 0x243F6A8885A308D3UL);
            for (int i = 0; i < pool.Length; i++)
            {
                int k = random.NextBelow(total);
                pool[i] = k < reference.Length ? reference[k] : current[k - reference.Length];
            }
        }

        RadixSort.Sort(pool);
        return pool;
    }

    /// <summary>The statistic of <paramref name="resamples"/> draws of <paramref name="referenceSize"/> and <paramref name="currentSize"/> values from <paramref name="sortedPool"/>.</summary>
    public static double[] Draws(DriftMethod method, ReadOnlySpan<double> sortedPool, int referenceSize, int currentSize, int resamples, ulong seed)
    {
        if (!Supports(method))
        {
            throw new ArgumentException($"{method} is not drawn from a sorted pool.", nameof(method));
        }

        if (sortedPool.Length is 0 or > PoolSize)
        {
            throw new ArgumentException($"The pool holds {sortedPool.Length} values; it must hold 1 to {PoolSize}.", nameof(sortedPool));
        }

        // Fixed chunks, each with its own stream: the draws are the same whatever the number of cores, and a core that
        // has finished its own column takes chunks of another's null.
        var draws = new double[resamples];
        int chunks = Math.Min(Chunks, Math.Max(resamples, 1));
        double[] pool = sortedPool.ToArray();
        System.Threading.Tasks.Parallel.For(0, chunks, chunk =>
        {
            // Mixed, not stepped: a seed one Gamma further would be the same stream one value later.
            var random = new SplitMix64(SplitMix64.Mix(seed ^ ((ulong)(chunk + 1) * 0xD1B54A32D192ED03UL)));
            var reference = new double[referenceSize];
            var current = new double[currentSize];
            int most = Math.Max(referenceSize, currentSize);
            var positions = new int[most];
            var scratch = new int[most];
            for (int b = chunk * resamples / chunks, end = (chunk + 1) * resamples / chunks; b < end; b++)
            {
                FillSorted(ref random, pool, reference, positions, scratch);
                FillSorted(ref random, pool, current, positions, scratch);
                draws[b] = method == DriftMethod.Wasserstein
                    ? NormalisedWasserstein(reference, current)
                    : EnergyDistance.DistanceSorted(reference, current);
            }
        });

        return draws;
    }

    /// <summary>
    /// W1 ÷ max(std(reference), 0.001) of two sorted samples in one merge, the definition of
    /// <see cref="WassersteinDistance.Normalised"/>, summed in plain order.
    /// </summary>
    /// <remarks>
    /// Written out for the null's inner loop (a thousand draws of 2 × 2,000 values a column): the observed statistic
    /// sums pairwise, as NumPy does, to match SciPy to the last digit, which takes a merged copy, a terms array and a
    /// second pass; a Monte Carlo draw needs the same quantity, not the same rounding (the two agree to about 1e-13).
    /// </remarks>
    internal static double NormalisedWasserstein(ReadOnlySpan<double> sortedReference, ReadOnlySpan<double> sortedCurrent)
    {
        int n = sortedReference.Length, m = sortedCurrent.Length;
        double mean = 0;
        foreach (double x in sortedReference)
        {
            mean += x;
        }

        mean /= n;
        double squares = 0;
        foreach (double x in sortedReference)
        {
            squares += (x - mean) * (x - mean);
        }

        double scale = Math.Max(Math.Sqrt(squares / n), WassersteinDistance.MinimumScale);
        double inverseN = 1.0 / n, inverseM = 1.0 / m;
        int i = 0, j = 0;
        double previous = Math.Min(sortedReference[0], sortedCurrent[0]), integral = 0;
        while (i < n || j < m)
        {
            bool fromReference = j == m || (i < n && sortedReference[i] <= sortedCurrent[j]);
            double x = fromReference ? sortedReference[i] : sortedCurrent[j];
            integral += Math.Abs((i * inverseN) - (j * inverseM)) * (x - previous);
            previous = x;
            if (fromReference)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return integral / scale;
    }

    // target.Length uniform positions of the pool (below 2^16), put in increasing order by a two-pass radix sort on their
    // low and high bytes; the second pass writes, in that order, the values they point at: a sorted sample.
    private static void FillSorted(ref SplitMix64 random, ReadOnlySpan<double> sortedPool, Span<double> target, Span<int> positions, Span<int> scratch)
    {
        int k = target.Length;
        Span<int> low = stackalloc int[256];
        Span<int> high = stackalloc int[256];
        low.Clear();
        high.Clear();
        for (int i = 0; i < k; i++)
        {
            int position = random.NextBelow(sortedPool.Length);
            positions[i] = position;
            low[position & 0xFF]++;
            high[position >> 8]++;
        }

        ToStarts(low);
        ToStarts(high);
        for (int i = 0; i < k; i++)
        {
            int position = positions[i];
            scratch[low[position & 0xFF]++] = position;
        }

        for (int i = 0; i < k; i++)
        {
            int position = scratch[i];
            target[high[position >> 8]++] = sortedPool[position];
        }
    }

    // Counts to the index where each digit's run starts.
    private static void ToStarts(Span<int> counts)
    {
        int start = 0;
        for (int d = 0; d < counts.Length; d++)
        {
            (counts[d], start) = (start, start + counts[d]);
        }
    }
}
