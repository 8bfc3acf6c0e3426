using System;
using System.Collections.Generic;

namespace MonitorGen.Statistics;

/// <summary>
/// Turns two samples into aligned proportion vectors, as Evidently's <c>get_binned_data</c> does, and the zero filling of psi and kl_div.
/// </summary>
internal static class Binning
{
    /// <summary>More distinct reference values than this get Sturges bins; fewer are treated as categories.</summary>
    public const int MaxDistinctForValueCounts = 20;

    /// <summary>
    /// Proportions of <paramref name="reference"/> and <paramref name="current"/>: over Sturges bins of the combined sample when the
    /// reference has more than 20 distinct values, otherwise over the distinct values of both samples.
    /// </summary>
    /// <param name="reference">The reference sample, without NaN.</param>
    /// <param name="current">The current sample, without NaN.</param>
    /// <returns>Two vectors of equal length; each sums to 1.</returns>
    public static (double[] Reference, double[] Current) Proportions(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        if (CountDistinct(reference, MaxDistinctForValueCounts + 1) > MaxDistinctForValueCounts)
        {
            double[] edges = SturgesEdges(reference, current);
            return (HistogramProportions(reference, edges), HistogramProportions(current, edges));
        }

        (double[] refCounts, double[] curCounts) = ValueCounts(reference, current);
        return (Divide(refCounts, reference.Length), Divide(curCounts, current.Length));
    }

    /// <summary>Turns aligned counts into proportions.</summary>
    /// <param name="counts">Non-negative counts with a positive total.</param>
    /// <returns>counts / total.</returns>
    public static double[] ToProportions(ReadOnlySpan<double> counts)
    {
        double total = 0;
        foreach (double c in counts)
        {
            total += c;
        }

        double[] result = new double[counts.Length];
        for (int i = 0; i < counts.Length; i++)
        {
            result[i] = counts[i] / total;
        }

        return result;
    }

    /// <summary>The number of distinct values of <paramref name="values"/>.</summary>
    public static int CountDistinct(ReadOnlySpan<double> values)
    {
        var seen = new HashSet<double>();
        foreach (double v in values)
        {
            seen.Add(v);
        }

        return seen.Count;
    }

    /// <summary>The number of distinct values of <paramref name="values"/>, counted up to <paramref name="cap"/> (then it stops).</summary>
    /// <remarks>
    /// The binning rule only asks whether there are more than 20 distinct values, so a linear scan of at most <paramref name="cap"/>
    /// kept values answers it without a hash set of the whole sample (which at 10^6 values cost more than the binning itself).
    /// Values are compared with <c>==</c>, so −0.0 and +0.0 are one value, as in <see cref="HashSet{T}"/> of double.
    /// </remarks>
    /// <param name="values">The sample, without NaN.</param>
    /// <param name="cap">The count at which to stop, at least 1; keep it small (the cost is O(n · cap)).</param>
    /// <returns>min(distinct count, cap).</returns>
    public static int CountDistinct(ReadOnlySpan<double> values, int cap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, 1);
        Span<double> seen = cap <= 64 ? stackalloc double[64] : new double[cap];
        int count = 0;
        foreach (double v in values)
        {
            if (seen[..count].Contains(v))
            {
                continue;
            }

            seen[count++] = v;
            if (count == cap)
            {
                break;
            }
        }

        return count;
    }

    /// <summary>
    /// Value counts of both samples over the sorted union of their distinct values (the keys); 0 where a key is absent.
    /// </summary>
    public static (double[] Reference, double[] Current) ValueCounts(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        // Count in a hash map, then order the (few) keys once; a sorted tree per value was O(n log k) with a large constant.
        var index = new Dictionary<double, int>();
        var refList = new List<double>();
        var curList = new List<double>();
        foreach (double v in reference)
        {
            if (!index.TryGetValue(v, out int k))
            {
                k = index.Count;
                index.Add(v, k);
                refList.Add(0);
                curList.Add(0);
            }

            refList[k]++;
        }

        foreach (double v in current)
        {
            if (!index.TryGetValue(v, out int k))
            {
                k = index.Count;
                index.Add(v, k);
                refList.Add(0);
                curList.Add(0);
            }

            curList[k]++;
        }

        double[] keys = new double[index.Count];
        int[] slots = new int[index.Count];
        int i = 0;
        foreach (KeyValuePair<double, int> pair in index)
        {
            keys[i] = pair.Key;
            slots[i++] = pair.Value;
        }

        Array.Sort(keys, slots);
        double[] refCounts = new double[keys.Length];
        double[] curCounts = new double[keys.Length];
        for (int j = 0; j < keys.Length; j++)
        {
            refCounts[j] = refList[slots[j]];
            curCounts[j] = curList[slots[j]];
        }

        return (refCounts, curCounts);
    }

    /// <summary>
    /// The bin edges of <c>numpy.histogram_bin_edges(concat(a, b), bins="sturges")</c>: ceil(log2(n)+1) equal-width bins between the
    /// combined minimum and maximum, built as NumPy's <c>linspace</c> builds them so that values on an edge fall in the same bin.
    /// </summary>
    public static double[] SturgesEdges(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length + b.Length;
        if (n == 0)
        {
            throw new ArgumentException("Cannot bin two empty samples.");
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in a)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        foreach (double v in b)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentException("Cannot bin samples holding infinite values.");
        }

        return SturgesEdges(min, max, n);
    }

    /// <summary>Sturges edges for <paramref name="count"/> values spanning [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static double[] SturgesEdges(double min, double max, long count)
    {
        double first = min, last = max;
        int bins = 1;
        double ptp = max - min;
        if (ptp > 0)
        {
            // NumPy derives the count from the width, not the width from the count; the two differ by rounding.
            double width = ptp / (Math.Log2(count) + 1.0);
            bins = (int)Math.Ceiling(ptp / width);
        }
        else
        {
            first -= 0.5;
            last += 0.5;
        }

        double[] edges = new double[bins + 1];
        double step = (last - first) / bins;
        for (int i = 0; i <= bins; i++)
        {
            edges[i] = (i * step) + first;
        }

        edges[bins] = last;
        return edges;
    }

    /// <summary>Histogram counts of <paramref name="values"/> over <paramref name="edges"/> (bins closed on the left, the last also on the right); values outside are dropped.</summary>
    public static double[] HistogramCounts(ReadOnlySpan<double> values, ReadOnlySpan<double> edges)
    {
        int bins = edges.Length - 1;
        double[] counts = new double[bins];
        foreach (double v in values)
        {
            int bin = BinOf(edges, v);
            if (bin >= 0)
            {
                counts[bin]++;
            }
        }

        return counts;
    }

    /// <summary>
    /// The bin of <paramref name="value"/> over increasing <paramref name="edges"/>: the last i with edges[i] &lt;= value (bins are closed on
    /// the left), the last bin also holding the last edge; −1 outside [edges[0], edges[^1]].
    /// </summary>
    /// <remarks>
    /// For equal-width edges (Sturges) the arithmetic guess is right or one off, and is then corrected against the edges themselves
    /// (as NumPy's <c>histogram</c> does), so the answer is exactly the binary search's, at the cost of one division.
    /// </remarks>
    /// <param name="edges">At least two increasing edges.</param>
    /// <param name="value">A finite value.</param>
    /// <returns>The bin index in [0, edges.Length − 2], or −1.</returns>
    public static int BinOf(ReadOnlySpan<double> edges, double value)
    {
        int bins = edges.Length - 1;
        double first = edges[0], last = edges[bins];
        if (!(value >= first && value <= last))
        {
            return -1;
        }

        double guess = (value - first) / (last - first) * bins;
        int bin = guess >= bins ? bins - 1 : guess > 0 ? (int)guess : 0;
        while (bin > 0 && value < edges[bin])
        {
            bin--;
        }

        while (bin < bins - 1 && value >= edges[bin + 1])
        {
            bin++;
        }

        return bin;
    }

    /// <summary>Histogram counts divided by the sample size, as Evidently divides them.</summary>
    public static double[] HistogramProportions(ReadOnlySpan<double> values, ReadOnlySpan<double> edges) =>
        Divide(HistogramCounts(values, edges), values.Length);

    /// <summary>
    /// Evidently's zero filling, in place: zeros become 1e-4, or min(non-zero)/1e6 when the smallest non-zero proportion is at most 1e-4,
    /// so that logarithms stay finite.
    /// </summary>
    public static void FillZeros(Span<double> proportions)
    {
        double smallest = double.PositiveInfinity;
        foreach (double p in proportions)
        {
            if (p != 0 && p < smallest)
            {
                smallest = p;
            }
        }

        if (double.IsPositiveInfinity(smallest))
        {
            throw new ArgumentException("All proportions are zero.");
        }

        double fill = smallest <= 1e-4 ? smallest / 1e6 : 1e-4;
        for (int i = 0; i < proportions.Length; i++)
        {
            if (proportions[i] == 0)
            {
                proportions[i] = fill;
            }
        }
    }

    private static double[] Divide(double[] values, double size)
    {
        // Evidently divides by the size; dividing keeps its rounding, multiplying by 1/n would not.
        for (int i = 0; i < values.Length; i++)
        {
            values[i] /= size;
        }

        return values;
    }
}
