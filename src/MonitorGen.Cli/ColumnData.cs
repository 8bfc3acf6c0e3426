using System;
using System.Globalization;
using System.Collections.Generic;
using MonitorGen.Statistics;

namespace MonitorGen.Cli;

/// <summary>The kind a user forced for a column, if any.</summary>
internal enum ForcedKind
{
    None,
    Numerical,
    Categorical,
}

/// <summary>
/// A growing array of doubles: 8 bytes per value (up to 16 while it doubles). Nothing is allocated before the first value.
/// It holds at most <see cref="MaxCount"/> values (.NET's largest array of doubles); the reader refuses a column beyond it,
/// with a message, rather than overflowing a count.
/// </summary>
internal sealed class DoubleList
{
    private double[] items = Array.Empty<double>();

    public DoubleList(int maxCount = MaxValues)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxCount, MaxValues);
        MaxCount = maxCount;
    }

    /// <summary>The most values any list holds: <see cref="Array.MaxLength"/>, 2,147,483,591.</summary>
    public const int MaxValues = 0x7FFFFFC7;

    public int MaxCount { get; }

    public int Count { get; private set; }

    /// <summary>Whether the list holds <see cref="MaxCount"/> values, so that another cannot be added.</summary>
    public bool IsFull => Count == MaxCount;

    /// <summary>The allocated capacity, in values (0 until a value is added): lets tests check that a bounded column keeps no values.</summary>
    public int Capacity => items.Length;

    public ReadOnlySpan<double> Span => items.AsSpan(0, Count);

    /// <exception cref="InvalidOperationException">The list is full (<see cref="IsFull"/>).</exception>
    public void Add(double value)
    {
        if (Count == items.Length)
        {
            if (IsFull)
            {
                throw new InvalidOperationException($"A list of values holds at most {MaxCount} values.");
            }

            Array.Resize(ref items, NextCapacity(items.Length, MaxCount));
        }

        items[Count++] = value;
    }

    public void Clear()
    {
        items = Array.Empty<double>();
        Count = 0;
    }

    /// <summary>Doubles <paramref name="capacity"/> (at least 1,024) without passing <paramref name="max"/> or overflowing.</summary>
    internal static int NextCapacity(int capacity, int max) => (int)Math.Min(Math.Max(1024L, 2L * capacity), max);
}

/// <summary>What is kept of one column of both files: raw doubles while numerical, otherwise value counts per category.</summary>
internal sealed class ColumnData
{
    private readonly Dictionary<string, int> keyIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> keyLookup;
    private readonly List<long> referenceCounts = new();
    private readonly List<long> currentCounts = new();

    public ColumnData(string name, ForcedKind forced)
    {
        Name = name;
        Forced = forced;
        Numerical = forced != ForcedKind.Categorical;
        keyLookup = keyIndex.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Name { get; }

    public ForcedKind Forced { get; }

    /// <summary>Whether the column is (still) numerical: every non-missing reference value so far parsed as a number.</summary>
    public bool Numerical { get; private set; }

    public int ReferenceIndex { get; set; } = -1;

    public int CurrentIndex { get; set; } = -1;

    public DoubleList ReferenceValues { get; } = new();

    public DoubleList CurrentValues { get; } = new();

    /// <summary>The first-pass summary of the reference numbers (only when the first pass summarises instead of keeping values).</summary>
    public NumericSummary? ReferenceSummary { get; private set; }

    /// <summary>The first-pass summary of the current numbers.</summary>
    public NumericSummary? CurrentSummary { get; private set; }

    /// <summary>How the numbers are kept for the test; decided after the first pass (<see cref="ColumnPlan.RawValues"/> without one).</summary>
    public ColumnPlan Plan { get; private set; } = ColumnPlan.RawValues;

    /// <summary>The method decided with the plan (Auto resolved); null until then.</summary>
    public DriftMethod? PlannedMethod { get; private set; }

    /// <summary>The Sturges edges of a <see cref="ColumnPlan.Histogram"/> column.</summary>
    public double[]? Edges { get; private set; }

    /// <summary>Histogram or value counts of the reference (<see cref="ColumnPlan.Histogram"/>, <see cref="ColumnPlan.ValueCounts"/>).</summary>
    public double[]? ReferenceBins { get; private set; }

    /// <summary>Histogram or value counts of the current file, aligned with <see cref="ReferenceBins"/>.</summary>
    public double[]? CurrentBins { get; private set; }

    /// <summary><see cref="ColumnPlan.ValueCounts"/>: the value of each of <see cref="ReferenceBins"/>, ascending.</summary>
    public double[]? ValueKeys { get; private set; }

    public long MissingReference { get; set; }

    public long MissingCurrent { get; set; }

    /// <summary>Numerical: the reference's non-finite values (see <see cref="IsNonFinite"/>), dropped from the test.</summary>
    public long NonFiniteReference { get; set; }

    /// <summary>Numerical: the current file's non-finite values, dropped from the test.</summary>
    public long NonFiniteCurrent { get; set; }

    /// <summary>The reference must be read again for this column: it turned categorical after numbers were kept as doubles.</summary>
    public bool NeedsReferenceReread { get; private set; }

    public long ReferenceCount => !Numerical ? Sum(referenceCounts) : ReferenceSummary?.Count ?? ReferenceValues.Count;

    public long CurrentCount => !Numerical ? Sum(currentCounts) : CurrentSummary?.Count ?? CurrentValues.Count;

    /// <summary>Whether the second pass must read this column: raw values or histogram counts are still to be collected.</summary>
    public bool NeedsSecondPass => Numerical && ReferenceSummary is not null && Plan != ColumnPlan.ValueCounts;

    /// <summary>Starts summarising numbers instead of keeping them (the first of two passes).</summary>
    public void StartSummaries()
    {
        ReferenceSummary = new NumericSummary();
        CurrentSummary = new NumericSummary();
    }

    /// <summary>Forgets what a read of the current file kept, so that it can be read again (see <see cref="CsvDriftCheck"/>).</summary>
    public void ResetCurrent()
    {
        CurrentValues.Clear();
        if (CurrentSummary is not null)
        {
            CurrentSummary = new NumericSummary();
        }

        for (int i = 0; i < currentCounts.Count; i++)
        {
            currentCounts[i] = 0;
        }

        MissingCurrent = 0;
        NonFiniteCurrent = 0;
    }

    /// <summary>
    /// After the first pass: resolves the method (Auto by Evidently's rules: n and u capped at 6 are known) and chooses how the numbers
    /// are kept. psi, kl_div and jensenshannon are bounded: Sturges histogram counts when the reference has more than 20 distinct values,
    /// else value counts, which the summaries already hold when both files have at most 20 distinct values. A reference with at most
    /// 20 distinct values and a current file with more needs value counts over an unbounded set of keys: that keeps the raw values.
    /// hellinger's bins depend on the number of distinct values of reference ∪ current, which has no bounded exact count: raw values.
    /// </summary>
    public void MakePlan(DriftMethod requested)
    {
        NumericSummary r = ReferenceSummary!, c = CurrentSummary!;
        DriftMethod method = requested;
        if (method == DriftMethod.Auto)
        {
            method = DefaultMethodSelector.Select(true, r.Count, UnionDistinct(r, c, 6));
        }

        PlannedMethod = method;
        if (method is not (DriftMethod.Psi or DriftMethod.KlDiv or DriftMethod.JensenShannon))
        {
            Plan = ColumnPlan.RawValues;
        }
        else if (r.Overflowed)
        {
            Plan = ColumnPlan.Histogram;
            Edges = Binning.SturgesEdges(Math.Min(r.Min, c.Min), Math.Max(r.Max, c.Max), r.Count + c.Count);
            ReferenceBins = new double[Edges.Length - 1];
            CurrentBins = new double[Edges.Length - 1];
        }
        else if (!c.Overflowed)
        {
            Plan = ColumnPlan.ValueCounts;
            (ValueKeys, ReferenceBins, CurrentBins) = AlignValueCounts(r, c);
        }
        else
        {
            Plan = ColumnPlan.RawValues;
        }
    }

    /// <summary>Second pass: one number of a <see cref="ColumnPlan.Histogram"/> column (a raw-values column keeps its values).</summary>
    public void AddToHistogram(double v, bool reference)
    {
        // The same bin function as Binning.HistogramCounts, over the same edges: the counts are DriftStatistics.Numerical's.
        int bin = Binning.BinOf(Edges!, v);
        if (bin >= 0)
        {
            (reference ? ReferenceBins! : CurrentBins!)[bin]++;
        }
    }

    /// <summary>Missing: an empty field, or NA, N/A, NaN, null (any case), after trimming white space.</summary>
    public static bool IsMissing(ReadOnlySpan<char> field)
    {
        // Most fields are numbers: a first character that no missing marker starts with settles it without trimming.
        if (field.Length > 0 && (char.IsAsciiDigit(field[0]) || field[0] is '-' or '+' or '.'))
        {
            return false;
        }

        ReadOnlySpan<char> t = field.Trim();
        return t.IsEmpty
            || t.Equals("NA", StringComparison.OrdinalIgnoreCase)
            || t.Equals("N/A", StringComparison.OrdinalIgnoreCase)
            || t.Equals("NaN", StringComparison.OrdinalIgnoreCase)
            || t.Equals("null", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A number that is not finite: <c>Infinity</c>, <c>inf</c> (as pandas writes it) or <c>∞</c>, signed or not, in any case,
    /// or a number too large for a double, such as <c>1e400</c>. It is neither a number nor missing: in a numerical column it is
    /// counted and dropped from the test, as a monitor counts a non-finite value, and it does not make the column categorical.
    /// </summary>
    public static bool IsNonFinite(ReadOnlySpan<char> field)
    {
        ReadOnlySpan<char> t = field.Trim();
        ReadOnlySpan<char> unsigned = t.Length > 0 && t[0] is '+' or '-' ? t[1..] : t;
        return unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase)
            || (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsInfinity(value));
    }

    /// <summary>Parses a finite invariant-culture number (sign, decimal point, exponent; white space around it allowed).</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> field, out double value) => DecimalParser.TryParse(field, out value);

    /// <summary>The column turns categorical (a non-number in the reference); the numbers kept so far need a second read.</summary>
    public void BecomeCategorical()
    {
        Numerical = false;
        if (ReferenceValues.Count > 0 || ReferenceSummary?.Count > 0 || NonFiniteReference > 0)
        {
            NeedsReferenceReread = true;
        }

        ReferenceValues.Clear();
    }

    /// <summary>Starts the second read of the reference: forgets the reference counts and missing values.</summary>
    public void ResetReference()
    {
        for (int i = 0; i < referenceCounts.Count; i++)
        {
            referenceCounts[i] = 0;
        }

        MissingReference = 0;
        NonFiniteReference = 0;
        NeedsReferenceReread = false;
    }

    public void CountCategory(ReadOnlySpan<char> value, bool reference)
    {
        if (!keyLookup.TryGetValue(value, out int index))
        {
            index = keyIndex.Count;
            keyLookup[value] = index;
            referenceCounts.Add(0);
            currentCounts.Add(0);
        }

        if (reference)
        {
            referenceCounts[index]++;
        }
        else
        {
            currentCounts[index]++;
        }
    }

    /// <summary>The count vectors over the keys in ordinal order; only keys present in either file.</summary>
    public (double[] Reference, double[] Current) AlignedCounts()
    {
        (_, double[] reference, double[] current) = AlignedCategories();
        return (reference, current);
    }

    /// <summary>The keys of <see cref="AlignedCounts"/>, with the counts.</summary>
    public (string[] Keys, double[] Reference, double[] Current) AlignedCategories()
    {
        var keys = new List<KeyValuePair<string, int>>(keyIndex);
        keys.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var names = new List<string>(keys.Count);
        var r = new List<double>(keys.Count);
        var c = new List<double>(keys.Count);
        foreach (KeyValuePair<string, int> key in keys)
        {
            long rc = referenceCounts[key.Value];
            long cc = currentCounts[key.Value];
            if (rc != 0 || cc != 0)
            {
                names.Add(key.Key);
                r.Add(rc);
                c.Add(cc);
            }
        }

        return (names.ToArray(), r.ToArray(), c.ToArray());
    }

    /// <summary>u: the distinct non-missing values of reference ∪ current, counted up to <paramref name="cap"/>.</summary>
    public long DistinctCount(int cap)
    {
        if (!Numerical)
        {
            (double[] r, _) = AlignedCounts();
            return r.Length;
        }

        var seen = new HashSet<double>();
        foreach (double v in ReferenceValues.Span)
        {
            if (seen.Add(v) && seen.Count >= cap)
            {
                return seen.Count;
            }
        }

        foreach (double v in CurrentValues.Span)
        {
            if (seen.Add(v) && seen.Count >= cap)
            {
                return seen.Count;
            }
        }

        return seen.Count;
    }

    private static long UnionDistinct(NumericSummary r, NumericSummary c, int cap)
    {
        if (r.Overflowed || c.Overflowed)
        {
            return cap; // more than 20 distinct values, so more than cap
        }

        var seen = new HashSet<double>(r.Values.ToArray());
        foreach (double v in c.Values)
        {
            seen.Add(v);
        }

        return Math.Min(seen.Count, cap);
    }

    /// <summary>Value counts over the sorted union of the distinct values, as <see cref="Binning.ValueCounts"/> forms them.</summary>
    private static (double[] Keys, double[] Reference, double[] Current) AlignValueCounts(NumericSummary r, NumericSummary c)
    {
        var keys = new List<double>(r.Values.ToArray());
        foreach (double v in c.Values)
        {
            if (!keys.Contains(v))
            {
                keys.Add(v);
            }
        }

        keys.Sort();
        double[] refCounts = new double[keys.Count];
        double[] curCounts = new double[keys.Count];
        for (int i = 0; i < r.Values.Length; i++)
        {
            refCounts[keys.IndexOf(r.Values[i])] += r.ValueCounts[i];
        }

        for (int i = 0; i < c.Values.Length; i++)
        {
            curCounts[keys.IndexOf(c.Values[i])] += c.ValueCounts[i];
        }

        return (keys.ToArray(), refCounts, curCounts);
    }

    private static long Sum(List<long> counts)
    {
        long total = 0;
        foreach (long c in counts)
        {
            total += c;
        }

        return total;
    }
}
