using System;
using System.Collections.Generic;

namespace MonitorGen.Statistics;

/// <summary>
/// Turns two samples into aligned proportion vectors, as Evidently's <c>get_binned_data</c> does, and the zero filling of psi and kl_div.
/// </summary>
public static class Binning
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
        if (CountDistinct(reference) > MaxDistinctForValueCounts)
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

    /// <summary>
    /// Value counts of both samples over the sorted union of their distinct values (the keys); 0 where a key is absent.
    /// </summary>
    public static (double[] Reference, double[] Current) ValueCounts(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        var index = new SortedDictionary<double, int>();
        foreach (double v in reference)
        {
            index.TryAdd(v, 0);
        }

        foreach (double v in current)
        {
            index.TryAdd(v, 0);
        }

        int k = 0;
        foreach (double key in new List<double>(index.Keys))
        {
            index[key] = k++;
        }

        double[] refCounts = new double[k];
        double[] curCounts = new double[k];
        foreach (double v in reference)
        {
            refCounts[index[v]]++;
        }

        foreach (double v in current)
        {
            curCounts[index[v]]++;
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
    public static double[] SturgesEdges(double min, double max, int count)
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
            if (v < edges[0] || v > edges[bins])
            {
                continue;
            }

            int upper = UpperBound(edges, v); // first edge > v
            int bin = Math.Min(upper - 1, bins - 1);
            counts[bin]++;
        }

        return counts;
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

    private static int UpperBound(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
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
