using System;
using System.Buffers;
using System.Threading;

namespace MonitorGen.Sketches;

/// <summary>
/// A fixed-size uniform sample of a stream (Vitter's algorithm R), allocation-free, with a single writer like
/// <see cref="CountVector"/>; the samples of several writers combine with <see cref="Merge"/>.
/// </summary>
/// <remarks>
/// The replacement slot of the i-th value is a SplitMix64 hash of i and a seed rather than a draw from a
/// <see cref="Random"/>, so a replay of the same stream gives the same sample. A reader racing the writer may see a
/// slot's old or new value, never a torn one (aligned 64-bit writes are atomic on every 64-bit runtime).
/// </remarks>
internal sealed class Reservoir
{
    private readonly double[] _slots;
    private readonly ulong _seed;
    private long _seen;

    /// <summary>Creates an empty reservoir.</summary>
    /// <param name="capacity">The sample size s.</param>
    /// <param name="seed">The seed of the replacement hash.</param>
    public Reservoir(int capacity, ulong seed = 0x9E3779B97F4A7C15)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _slots = new double[capacity];
        _seed = seed;
    }

    /// <summary>The sample size s.</summary>
    public int Capacity => _slots.Length;

    /// <summary>How many values the stream has offered.</summary>
    public long Seen => Volatile.Read(ref _seen);

    /// <summary>How many values the sample holds: min(Seen, Capacity).</summary>
    public int Count => (int)Math.Min(Seen, _slots.Length);

    /// <summary>Offers one value.</summary>
    public void Add(double value)
    {
        long index = _seen++;
        if (index < _slots.Length)
        {
            _slots[index] = value;
            return;
        }

        ulong slot = SplitMix64((ulong)index ^ _seed) % (ulong)(index + 1);
        if (slot < (ulong)_slots.Length)
        {
            _slots[slot] = value;
        }
    }

    /// <summary>Copies the sample into a new array.</summary>
    public double[] ToArray() => _slots.AsSpan(0, Count).ToArray();

    /// <summary>Empties the reservoir.</summary>
    public void Reset() => Volatile.Write(ref _seen, 0);

    // Sets the sample from a saved window state: min(seen, capacity) values of a stream of seen values.
    internal void Restore(ReadOnlySpan<double> values, long seen)
    {
        values.CopyTo(_slots);
        Volatile.Write(ref _seen, seen);
    }

    /// <summary>
    /// Replaces this sample with a uniform sample of the union of its stream and <paramref name="other"/>'s:
    /// afterwards <see cref="Seen"/> is N1 + N2 and the sample holds min(s, N1 + N2) values.
    /// </summary>
    /// <remarks>
    /// Each of the k = min(s, N1 + N2) draws takes a not yet drawn value from this side with probability
    /// r1 / (r1 + r2), where r1 and r2 are the stream values not yet accounted for on each side, and otherwise from the
    /// other side; within a side the value is drawn uniformly without replacement. The number taken from this side is
    /// then hypergeometric(N1 + N2, N1, k), exactly as for a uniform k-subset of the union, and given that number the
    /// values are a uniform subset of a uniform sample, hence of the stream. The draws come from
    /// <paramref name="seed"/>, so a merge is deterministic; a ⊕ b and b ⊕ a are equal in distribution, not value by
    /// value. The merged reservoir keeps accepting <see cref="Add"/> as algorithm R continued from N1 + N2.
    /// Both reservoirs must be closed to writers while they merge; the merge rents its scratch from the shared pool.
    /// </remarks>
    /// <exception cref="ArgumentException">The capacities differ: a smaller side could not supply its share.</exception>
    public void Merge(Reservoir other, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Capacity != Capacity)
        {
            throw new ArgumentException($"Cannot merge a reservoir of {other.Capacity} into one of {Capacity}.", nameof(other));
        }

        long seen1 = Seen, seen2 = other.Seen;
        int count1 = Count, count2 = other.Count;
        int k = (int)Math.Min(Capacity, seen1 + seen2);
        double[] left = ArrayPool<double>.Shared.Rent(Math.Max(count1, 1));
        double[] right = ArrayPool<double>.Shared.Rent(Math.Max(count2, 1));
        try
        {
            _slots.AsSpan(0, count1).CopyTo(left);
            other._slots.AsSpan(0, count2).CopyTo(right);
            ulong state = seed;
            long remaining1 = seen1, remaining2 = seen2;
            int left1 = count1, left2 = count2;
            for (int i = 0; i < k; i++)
            {
                bool fromLeft = Next(ref state) % (ulong)(remaining1 + remaining2) < (ulong)remaining1;
                if (fromLeft)
                {
                    _slots[i] = Take(left, ref left1, ref state);
                    remaining1--;
                }
                else
                {
                    _slots[i] = Take(right, ref left2, ref state);
                    remaining2--;
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(left);
            ArrayPool<double>.Shared.Return(right);
        }

        Volatile.Write(ref _seen, seen1 + seen2);
    }

    /// <summary>Replaces this sample with a copy of <paramref name="other"/>'s, stream length included.</summary>
    public void CopyFrom(Reservoir other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Capacity != Capacity)
        {
            throw new ArgumentException($"Cannot copy a reservoir of {other.Capacity} into one of {Capacity}.", nameof(other));
        }

        other._slots.AsSpan(0, other.Count).CopyTo(_slots);
        Volatile.Write(ref _seen, other.Seen);
    }

    // Draws one of the first `remaining` values uniformly and swaps it out of the live range (partial Fisher–Yates).
    private static double Take(double[] values, ref int remaining, ref ulong state)
    {
        int index = (int)(Next(ref state) % (ulong)remaining);
        double value = values[index];
        remaining--;
        values[index] = values[remaining];
        return value;
    }

    private static ulong Next(ref ulong state)
    {
        state += Statistics.SplitMix64.Gamma;
        return SplitMix64(state);
    }

    private static ulong SplitMix64(ulong x) => Statistics.SplitMix64.Mix(x + Statistics.SplitMix64.Gamma);
}
