using System;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Threading;

namespace MonitorGen.Labels;

/// <summary>
/// One slot's index from the hash of a prediction's own id (<see cref="PredictionAttribute.Id"/>) to its sequence
/// number: buckets of eight, four entries per ring entry, written by the slot's single writer without a lock or an
/// allocation, read by labels from any thread.
/// </summary>
/// <remarks>
/// <para>
/// A new id takes an empty place of its bucket or the one with the oldest sequence, so the index keeps the newest eight
/// of each bucket. A ring of C entries holds the newest C predictions, about two per bucket, and a bucket that holds
/// more than eight of them loses its oldest: a few predictions in 10,000 (Poisson with a mean of 2 beyond 8; 9 of
/// 32,768 in <c>OwnPredictionIdTests</c>). Their labels are then unmatched, as if the ids had never been seen.
/// </para>
/// <para>
/// The writer clears a place's hash before it writes the sequence and sets the hash last; a reader takes a sequence only
/// if the hash it read before and after is the one it looks for. The ring checks that the sequence is still held.
/// </para>
/// </remarks>
internal sealed class PredictionKeyIndex
{
    /// <summary>The places of a bucket: one cache line of hashes, one of sequences.</summary>
    public const int BucketSize = 8;

    /// <summary>Index places per ring entry.</summary>
    public const int PlacesPerEntry = 4;

    /// <summary>The bytes an id costs beyond the ring entry: its places in the index, and its hash kept in the ring for a store.</summary>
    public const int BytesPerEntry = (PlacesPerEntry * 2 * sizeof(long)) + sizeof(long);

    /// <summary>The hash of a row whose id is null or empty: the prediction cannot be labelled.</summary>
    public const long Missing = -1;

    private readonly long[] _hashes;
    private readonly long[] _sequences;
    private readonly int _bucketMask;

    /// <param name="ringCapacity">The ring's entries, a power of two.</param>
    public PredictionKeyIndex(int ringCapacity)
    {
        int places = ringCapacity * PlacesPerEntry;
        _hashes = new long[places];
        _sequences = new long[places];
        _bucketMask = (places / BucketSize) - 1;
    }

    /// <summary>The hash of an id: 63 bits of XXH3 over its UTF-16 text, never 0 (an empty place) or negative; <see cref="Missing"/> for null or "".</summary>
    /// <remarks>Written here rather than taken from <see cref="string.GetHashCode()"/>, which is randomized per process: a
    /// store shares the hash between processes. Two ids in 2⁶³ collide; a label then meets the newer prediction.</remarks>
    public static long Hash(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return Missing;
        }

        long hash = (long)(XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id.AsSpan())) >> 1);
        return hash == 0 ? 1 : hash;
    }

    /// <summary>Indexes the prediction of <paramref name="sequence"/> under <paramref name="hash"/>. Single writer.</summary>
    public void Add(long hash, long sequence)
    {
        int start = BucketOf(hash);
        int place = start;
        long oldest = long.MaxValue;
        for (int i = start; i < start + BucketSize; i++)
        {
            if (_hashes[i] == 0)
            {
                place = i;
                break;
            }

            if (_sequences[i] < oldest)
            {
                oldest = _sequences[i];
                place = i;
            }
        }

        Volatile.Write(ref _hashes[place], 0);
        Volatile.Write(ref _sequences[place], sequence);
        Volatile.Write(ref _hashes[place], hash);
    }

    /// <summary>Writes the sequences indexed under <paramref name="hash"/> into <paramref name="found"/> (at least
    /// <see cref="BucketSize"/> long), newest first, and returns how many.</summary>
    public int Find(long hash, Span<long> found)
    {
        int count = 0;
        int start = BucketOf(hash);
        for (int i = start; i < start + BucketSize; i++)
        {
            if (Volatile.Read(ref _hashes[i]) == hash)
            {
                long sequence = Volatile.Read(ref _sequences[i]);
                if (Volatile.Read(ref _hashes[i]) == hash)
                {
                    found[count++] = sequence;
                }
            }
        }

        found[..count].Sort(static (a, b) => b.CompareTo(a));
        return count;
    }

    // Fibonacci hashing: the multiply spreads every bit of the hash over the bucket number.
    private int BucketOf(long hash) => (int)((((ulong)hash * 0x9E3779B97F4A7C15UL) >> 32) & (uint)_bucketMask) * BucketSize;
}
