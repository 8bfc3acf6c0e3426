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

        var random = new SplitMix64(seed);
        var draws = new double[resamples];
        var reference = new double[referenceSize];
        var current = new double[currentSize];
        int most = Math.Max(referenceSize, currentSize);
        var positions = new int[most];
        var scratch = new int[most];
        for (int b = 0; b < resamples; b++)
        {
            FillSorted(ref random, sortedPool, reference, positions, scratch);
            FillSorted(ref random, sortedPool, current, positions, scratch);
            draws[b] = method == DriftMethod.Wasserstein
                ? WassersteinDistance.NormalisedSorted(reference, WassersteinDistance.ScaleOf(reference), current)
                : EnergyDistance.DistanceSorted(reference, current);
        }

        return draws;
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
