using System;
using System.Threading;

namespace MonitorGen.Sketches;

/// <summary>
/// A fixed-size uniform sample of a stream (Vitter's algorithm R), safe for concurrent writers and allocation-free.
/// </summary>
/// <remarks>
/// The replacement slot of the i-th value is a SplitMix64 hash of i and a seed rather than a call to a shared
/// <see cref="Random"/>: writers then need one interlocked increment and no lock, and a replay of the same stream
/// gives the same sample. A reader racing a writer may see the slot's old or new value, never a torn one
/// (aligned 64-bit writes are atomic on every 64-bit runtime).
/// </remarks>
public sealed class Reservoir
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
        long index = Interlocked.Increment(ref _seen) - 1;
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

    private static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }
}
