using System;
using System.Collections.Generic;
using System.Globalization;

namespace MonitorGen.Cli;

/// <summary>The kind a user forced for a column, if any.</summary>
internal enum ForcedKind
{
    None,
    Numerical,
    Categorical,
}

/// <summary>A growing array of doubles: 8 bytes per value (up to 16 while it doubles).</summary>
internal sealed class DoubleList
{
    private double[] items = new double[1024];

    public int Count { get; private set; }

    public ReadOnlySpan<double> Span => items.AsSpan(0, Count);

    public void Add(double value)
    {
        if (Count == items.Length)
        {
            Array.Resize(ref items, items.Length * 2);
        }

        items[Count++] = value;
    }

    public void Clear()
    {
        items = new double[1024];
        Count = 0;
    }
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

    public long MissingReference { get; set; }

    public long MissingCurrent { get; set; }

    /// <summary>The reference must be read again for this column: it turned categorical after numbers were kept as doubles.</summary>
    public bool NeedsReferenceReread { get; private set; }

    public long ReferenceCount => Numerical ? ReferenceValues.Count : Sum(referenceCounts);

    public long CurrentCount => Numerical ? CurrentValues.Count : Sum(currentCounts);

    /// <summary>Missing: an empty field, or NA, N/A, NaN, null (any case), after trimming white space.</summary>
    public static bool IsMissing(ReadOnlySpan<char> field)
    {
        ReadOnlySpan<char> t = field.Trim();
        return t.IsEmpty
            || t.Equals("NA", StringComparison.OrdinalIgnoreCase)
            || t.Equals("N/A", StringComparison.OrdinalIgnoreCase)
            || t.Equals("NaN", StringComparison.OrdinalIgnoreCase)
            || t.Equals("null", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Parses a finite invariant-culture number (sign, decimal point, exponent; white space around it allowed).</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> field, out double value) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>The column turns categorical (a non-number in the reference); the numbers kept so far need a second read.</summary>
    public void BecomeCategorical()
    {
        Numerical = false;
        if (ReferenceValues.Count > 0)
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
        var keys = new List<KeyValuePair<string, int>>(keyIndex);
        keys.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var r = new List<double>(keys.Count);
        var c = new List<double>(keys.Count);
        foreach (KeyValuePair<string, int> key in keys)
        {
            long rc = referenceCounts[key.Value];
            long cc = currentCounts[key.Value];
            if (rc != 0 || cc != 0)
            {
                r.Add(rc);
                c.Add(cc);
            }
        }

        return (r.ToArray(), c.ToArray());
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
