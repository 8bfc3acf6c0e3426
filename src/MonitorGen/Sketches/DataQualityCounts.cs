using System.Threading;

namespace MonitorGen.Sketches;

/// <summary>Per-window data-quality counters of one feature, with a single writer like <see cref="CountVector"/>.</summary>
internal sealed class DataQualityCounts
{
    private long _missing;
    private long _nonFinite;
    private long _outOfRange;
    private long _unseenCategory;

    /// <summary>Null values.</summary>
    public long Missing => Volatile.Read(ref _missing);

    /// <summary>NaN or infinite values.</summary>
    public long NonFinite => Volatile.Read(ref _nonFinite);

    /// <summary>Values outside the expected range.</summary>
    public long OutOfRange => Volatile.Read(ref _outOfRange);

    /// <summary>Categories absent from the reference, and undefined enum values.</summary>
    public long UnseenCategory => Volatile.Read(ref _unseenCategory);

    /// <summary>Counts one issue; <paramref name="issue"/> is a single flag.</summary>
    public void Increment(DataQualityIssues issue)
    {
        switch (issue)
        {
            case DataQualityIssues.Missing:
                _missing++;
                break;
            case DataQualityIssues.NonFinite:
                _nonFinite++;
                break;
            case DataQualityIssues.OutOfRange:
                _outOfRange++;
                break;
            case DataQualityIssues.UnseenCategory:
                _unseenCategory++;
                break;
        }
    }

    /// <summary>The sum of all four counters.</summary>
    public long Total => Missing + NonFinite + OutOfRange + UnseenCategory;

    /// <summary>Adds another window's counters into this one; counts add, so merging is associative and commutative.</summary>
    public void Add(DataQualityCounts other)
    {
        System.ArgumentNullException.ThrowIfNull(other);
        _missing += other.Missing;
        _nonFinite += other.NonFinite;
        _outOfRange += other.OutOfRange;
        _unseenCategory += other.UnseenCategory;
    }

    // Sets the counters from a saved window state.
    internal void Restore(long missing, long nonFinite, long outOfRange, long unseenCategory)
    {
        _missing = missing;
        _nonFinite = nonFinite;
        _outOfRange = outOfRange;
        _unseenCategory = unseenCategory;
    }

    /// <summary>Zeroes the counters.</summary>
    public void Reset()
    {
        Volatile.Write(ref _missing, 0);
        Volatile.Write(ref _nonFinite, 0);
        Volatile.Write(ref _outOfRange, 0);
        Volatile.Write(ref _unseenCategory, 0);
    }
}
