using System;
using System.Threading;

namespace MonitorGen.Sketches;

/// <summary>
/// A fixed vector of counters with a single writer: each thread observes into a window of its own (see
/// <see cref="Monitoring.WindowShard"/>), so an increment is a plain add, and windows are merged, counts adding, when they close.
/// Reads from other threads see whole values (aligned 64-bit), possibly a moment old.
/// </summary>
internal sealed class CountVector
{
    private readonly long[] _counts;

    /// <summary>Creates <paramref name="length"/> zeroed counters.</summary>
    public CountVector(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        _counts = new long[length];
    }

    /// <summary>The number of counters.</summary>
    public int Length => _counts.Length;

    /// <summary>Increments counter <paramref name="index"/>.</summary>
    public void Increment(int index) => _counts[index]++;

    /// <summary>Reads counter <paramref name="index"/>.</summary>
    public long this[int index] => Volatile.Read(ref _counts[index]);

    /// <summary>The sum of all counters.</summary>
    public long Total()
    {
        long total = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            total += Volatile.Read(ref _counts[i]);
        }

        return total;
    }

    /// <summary>Copies the counts as doubles, the form the statistics take.</summary>
    public void CopyTo(Span<double> destination)
    {
        for (int i = 0; i < _counts.Length; i++)
        {
            destination[i] = Volatile.Read(ref _counts[i]);
        }
    }

    /// <summary>Adds another vector's counts into this one.</summary>
    public void Add(CountVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Length != Length)
        {
            throw new ArgumentException($"Cannot merge {other.Length} counters into {Length}.", nameof(other));
        }

        for (int i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other[i];
        }
    }

    /// <summary>Sets every counter to zero.</summary>
    public void Reset() => Array.Clear(_counts);

    // Sets the counts from a saved window state (MonitorStateStore has checked the length and signs).
    internal void Restore(ReadOnlySpan<long> counts) => counts.CopyTo(_counts);

    internal long[] ToArray() => (long[])_counts.Clone();
}
