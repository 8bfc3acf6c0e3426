using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Threading;

namespace MonitorGen.Labels;

/// <summary>
/// One slot's pending predictions: a ring of fixed-size entries that the slot's single writer fills in sequence order,
/// and that labels from any thread look up by sequence number (entry = sequence mod capacity). A newer prediction
/// overwrites the oldest, which becomes late.
/// </summary>
/// <remarks>
/// Each entry's state word holds its sequence number and one labelled bit per <see cref="LabelSource"/>, and is the only
/// thing a label changes, by compare-and-swap: so each source labels an entry at most once, and never one that was
/// overwritten under it. The writer
/// marks the entry invalid before it rewrites the fields and publishes the new sequence last; every field is written and
/// read with volatile semantics, so the order holds on weakly ordered processors too. Lock-free on both sides.
/// </remarks>
internal sealed class PendingPredictionRing
{
    private const long Invalid = -1;

    // How many entries ahead of the writer its next lines are fetched: 512 bytes, eight lines.
    private const int PrefetchDistance = 16;

    // The low bits of a state word: one labelled bit per source.
    private const int SourceBits = 3;
    private const long NaturalBit = 1L << (int)LabelSource.Natural;
    private const long ProgrammaticBit = 1L << (int)LabelSource.Programmatic;

    private readonly Entry[] _entries;
    private readonly bool _regression;
    // The slot's bits of a generated id's value, set in every id this ring issues.
    private readonly long _slotValue;
    // With ids of the row's own (PredictionAttribute.Id): each entry's id hash, and the index from hash to sequence.
    private readonly long[]? _keyHashes;
    private readonly int _mask;
    private long _next;

    /// <param name="capacity">The entries, rounded up to a power of two.</param>
    /// <param name="keyed">Whether the predictions carry ids of their own, found through a <see cref="PredictionKeyIndex"/>.</param>
    /// <param name="regression">Whether the predictions are numbers: a classifier's value is its class code, and its
    /// entry keeps a programmatic label's code in the value's place instead.</param>
    /// <param name="slot">The slot this ring belongs to, whose number the ids it issues carry.</param>
    public PendingPredictionRing(int capacity, bool keyed = false, bool regression = false, int slot = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _regression = regression;
        _slotValue = PredictionId.SlotValue(slot);
        int size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity);
        _entries = new Entry[size];
        for (int i = 0; i < size; i++)
        {
            _entries[i].State = Invalid;
        }

        _mask = size - 1;
        if (keyed)
        {
            _keyHashes = new long[size];
            Keys = new PredictionKeyIndex(size);
        }
    }

    /// <summary>The index of the predictions' own ids; null when the ids are generated.</summary>
    public PredictionKeyIndex? Keys { get; }

    /// <summary>The number of entries.</summary>
    public int Capacity => _entries.Length;

    /// <summary>The sequence number the next prediction gets.</summary>
    public long Next => Volatile.Read(ref _next);

    /// <summary>Stores a prediction, under <paramref name="keyHash"/> when the ids are the rows' own, and returns its
    /// sequence number. Single writer: the slot's holder.</summary>
    public long Add(in PendingPrediction prediction, long keyHash = 0) =>
        Add(prediction.TimestampTicks, prediction.Window, prediction.Code, prediction.Value, prediction.Score, keyHash);

    /// <summary>The same, field by field: the hot path's form, which the JIT keeps in registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Add(long timestampTicks, long window, int code, double value, float score, long keyHash)
    {
        long sequence = _next;
        ref Entry entry = ref _entries[sequence & _mask];
        PrefetchAhead(sequence);
        Volatile.Write(ref entry.State, Invalid);
        Volatile.Write(ref entry.TimestampTicks, timestampTicks);
        if (_regression)
        {
            Volatile.Write(ref entry.Value, value);
        }
        else
        {
            // The code and no programmatic label (-1) in one store.
            Volatile.Write(ref entry.Codes, (long)(((ulong)uint.MaxValue << 32) | (uint)code));
        }

        Volatile.Write(ref entry.Window, (int)window);
        Volatile.Write(ref entry.Score, score);
        if (_keyHashes is not null)
        {
            Volatile.Write(ref _keyHashes[sequence & _mask], keyHash);
        }

        Volatile.Write(ref entry.State, sequence << SourceBits);
        Volatile.Write(ref _next, sequence + 1);
        Keys?.Add(keyHash, sequence);
        return sequence;
    }

    // The default ring is as large as L2, and each row writes its next entry. A non-temporal prefetch of the entry 16
    // rows ahead measured 1.05x the row without labels, against 1.07-1.10x without it and 1.09x with an ordinary
    // prefetch (docs/benchmarks/labels.md, run 13), which points at the stream's lines pushing the row's windows out of
    // L2 rather than at their latency. A prefetch never faults: a stale address (the collector moved the array) is harmless.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe void PrefetchAhead(long sequence)
    {
        if (Sse.IsSupported)
        {
            Sse.PrefetchNonTemporal(Unsafe.AsPointer(ref _entries[(sequence + PrefetchDistance) & _mask]));
        }
    }

    /// <summary>The same, as the generated id's value less its epoch's bits: the slot's bits and the sequence.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long AddForId(long timestampTicks, long window, int code, double value, float score, long keyHash) =>
        PredictionId.SequenceValue(Add(timestampTicks, window, code, value, score, keyHash)) | _slotValue;

    /// <summary>Takes the prediction of <paramref name="sequence"/> for a label from <paramref name="source"/>, once per source.</summary>
    /// <param name="sequence">The prediction's sequence number.</param>
    /// <param name="source">The label's source.</param>
    /// <param name="labelCode">A classifier's label class code: a programmatic one is kept in the entry, for a natural label to judge.</param>
    /// <param name="prediction">The prediction, when matched.</param>
    public LabelOutcome TryTake(long sequence, LabelSource source, int labelCode, out PendingPrediction prediction)
    {
        prediction = default;
        if (sequence < 0 || sequence >= Volatile.Read(ref _next))
        {
            return LabelOutcome.Unmatched;
        }

        ref Entry entry = ref _entries[sequence & _mask];
        long state = Volatile.Read(ref entry.State);
        long bit = 1L << (int)source;
        while (true)
        {
            if (state == Invalid || (state >> SourceBits) != sequence)
            {
                return LabelOutcome.Late;
            }

            if ((state & bit) != 0)
            {
                return LabelOutcome.Duplicate;
            }

            // A programmatic label written just before may not be read yet: -1 then, and the pair is not compared.
            var read = Read(ref entry, Volatile.Read(ref entry.Window), (state & ProgrammaticBit) != 0);
            long now = Interlocked.CompareExchange(ref entry.State, state | bit, state);
            if (now == state)
            {
                if (source == LabelSource.Programmatic && !_regression)
                {
                    Volatile.Write(ref entry.ProgrammaticCode, labelCode);
                }

                prediction = read;
                return LabelOutcome.Matched;
            }

            // Labelled by another source in between (try again), by the same source (a duplicate), or overwritten (late).
            state = now;
        }
    }

    /// <summary>Reads the prediction of <paramref name="sequence"/> and its id hash (0 for a generated id) without taking
    /// it; false when it was overwritten.</summary>
    public bool TryRead(long sequence, out PendingPrediction prediction, out long keyHash)
    {
        ref Entry entry = ref _entries[sequence & _mask];
        long state = Volatile.Read(ref entry.State);
        prediction = Read(ref entry, Volatile.Read(ref entry.Window), programmatic: false);
        keyHash = _keyHashes is null ? 0 : Volatile.Read(ref _keyHashes[sequence & _mask]);
        // A label changes only the low bits, so the sequence is compared alone, before and after the reads.
        return state != Invalid && (state >> SourceBits) == sequence && (Volatile.Read(ref entry.State) >> SourceBits) == sequence;
    }

    /// <summary>Visits every entry of <paramref name="window"/> that has no label from <paramref name="source"/> yet,
    /// with its sequence number; an entry overwritten during the visit is read as it was or skipped.</summary>
    public void VisitUnlabelled(long window, LabelSource source, Action<long, PendingPrediction> visit)
    {
        long bit = 1L << (int)source;
        for (int i = 0; i < _entries.Length; i++)
        {
            ref Entry entry = ref _entries[i];
            long state = Volatile.Read(ref entry.State);
            if (state == Invalid || (state & bit) != 0 || Volatile.Read(ref entry.Window) != window)
            {
                continue;
            }

            var read = Read(ref entry, window, programmatic: false);
            if (Volatile.Read(ref entry.State) == state)
            {
                visit(state >> SourceBits, read);
            }
        }
    }

    /// <summary>How many entries hold a prediction without a natural label, made at or after <paramref name="sinceTicks"/>.</summary>
    public int CountPending(long sinceTicks)
    {
        int pending = 0;
        for (int i = 0; i < _entries.Length; i++)
        {
            long state = Volatile.Read(ref _entries[i].State);
            if (state != Invalid && (state & NaturalBit) == 0 && Volatile.Read(ref _entries[i].TimestampTicks) >= sinceTicks)
            {
                pending++;
            }
        }

        return pending;
    }

    // A prediction's fields, each read with volatile semantics; the programmatic label's code when it has one and is asked for.
    private PendingPrediction Read(ref Entry entry, long window, bool programmatic)
    {
        long timestampTicks = Volatile.Read(ref entry.TimestampTicks);
        float score = Volatile.Read(ref entry.Score);
        if (_regression)
        {
            return new PendingPrediction(timestampTicks, window, 0, Volatile.Read(ref entry.Value), score);
        }

        int code = Volatile.Read(ref entry.Code);
        return new PendingPrediction(timestampTicks, window, code, code, score, programmatic ? Volatile.Read(ref entry.ProgrammaticCode) : -1);
    }

    // 32 bytes, two to a cache line: the state word, the time, the value (or a classifier's code and programmatic label's
    // code, since its value is its code), the window (a check count: 2^31 checks, decades at one a second) and the score.
    [StructLayout(LayoutKind.Explicit, Size = PendingPredictionTable.BytesPerEntry)]
    private struct Entry
    {
        [FieldOffset(0)]
        public long State;

        [FieldOffset(8)]
        public long TimestampTicks;

        [FieldOffset(16)]
        public double Value;

        [FieldOffset(16)]
        public long Codes;

        [FieldOffset(16)]
        public int Code;

        [FieldOffset(20)]
        public int ProgrammaticCode;

        [FieldOffset(24)]
        public int Window;

        [FieldOffset(28)]
        public float Score;
    }
}
