using System;
using MonitorGen.Statistics;

namespace MonitorGen.Cli;

/// <summary>
/// What the first streaming pass keeps of one file's numbers in one column: count, min, max, and the distinct values with their counts
/// while there are at most 20 of them. Constant size, whatever the number of rows.
/// </summary>
internal sealed class NumericSummary
{
    /// <summary>One more than <see cref="Binning.MaxDistinctForValueCounts"/>: enough to tell "more than 20 distinct values".</summary>
    public const int DistinctCap = Binning.MaxDistinctForValueCounts + 1;

    private readonly double[] values = new double[DistinctCap];
    private readonly long[] counts = new long[DistinctCap];

    public long Count { get; private set; }

    /// <summary>The smallest value, combined with <see cref="Math.Min(double, double)"/> as <see cref="Binning.SturgesEdges(ReadOnlySpan{double}, ReadOnlySpan{double})"/> does.</summary>
    public double Min { get; private set; } = double.PositiveInfinity;

    /// <summary>The largest value, combined with <see cref="Math.Max(double, double)"/>.</summary>
    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>The number of distinct values, up to <see cref="DistinctCap"/> (then the distinct values are no longer tracked).</summary>
    public int Distinct { get; private set; }

    /// <summary>Whether more than 20 distinct values were seen, so <see cref="Values"/> and <see cref="ValueCounts"/> are incomplete.</summary>
    public bool Overflowed => Distinct >= DistinctCap;

    /// <summary>The distinct values seen (complete unless <see cref="Overflowed"/>).</summary>
    public ReadOnlySpan<double> Values => values.AsSpan(0, Distinct);

    /// <summary>The count of each of <see cref="Values"/>.</summary>
    public ReadOnlySpan<long> ValueCounts => counts.AsSpan(0, Distinct);

    public void Add(double v)
    {
        Count++;
        Min = Math.Min(Min, v);
        Max = Math.Max(Max, v);
        if (Overflowed)
        {
            return;
        }

        // == comparison: −0.0 and +0.0 are one value, as in Binning's value counts.
        int i = values.AsSpan(0, Distinct).IndexOf(v);
        if (i >= 0)
        {
            counts[i]++;
            return;
        }

        values[Distinct] = v;
        counts[Distinct++] = 1;
    }
}
