using System;

namespace MonitorGen.Labels;

/// <summary>
/// The predictions waiting for their labels, one ring per observation slot: bounded by its capacity (entries per slot)
/// and by the label horizon (a label for a prediction older than that is late, even if its entry survives).
/// </summary>
/// <remarks>
/// A prediction costs one entry of <see cref="BytesPerEntry"/> bytes, allocated up front; adding one is a few stores
/// into the slot's own ring, with no lock and no allocation. A label finds its entry from its id alone.
/// </remarks>
internal sealed class PendingPredictionTable
{
    /// <summary>The bytes one pending prediction takes, whatever the record.</summary>
    public const int BytesPerEntry = 32;

    private readonly PendingPredictionRing[] _rings;
    private readonly long _horizonTicks;

    /// <param name="slots">The observation slots (one ring each).</param>
    /// <param name="capacityPerSlot">The pending predictions each slot keeps, rounded up to a power of two.</param>
    /// <param name="horizon">How long a prediction waits for its label.</param>
    /// <param name="keyed">Whether the predictions carry ids of their own (<see cref="PredictionAttribute.Id"/>).</param>
    /// <param name="regression">Whether the predictions are numbers rather than classes.</param>
    public PendingPredictionTable(int slots, int capacityPerSlot, TimeSpan horizon, bool keyed = false, bool regression = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(slots, 1 << 8);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(horizon, TimeSpan.Zero);
        _rings = new PendingPredictionRing[slots];
        for (int i = 0; i < slots; i++)
        {
            _rings[i] = new PendingPredictionRing(capacityPerSlot, keyed, regression, i);
        }

        _horizonTicks = horizon.Ticks;
    }

    /// <summary>The entries in all, each of <see cref="BytesPerEntry"/> bytes.</summary>
    public long Capacity => (long)_rings.Length * _rings[0].Capacity;

    /// <summary>The observation slots, one ring each.</summary>
    public int Slots => _rings.Length;

    /// <summary>The label horizon, in ticks.</summary>
    public long HorizonTicks => _horizonTicks;

    /// <summary>The ring of <paramref name="slot"/>, which the slot's windows hold so that a row reaches it with one load.</summary>
    public PendingPredictionRing RingOf(int slot) => _rings[slot];

    /// <summary>The entries of each slot.</summary>
    public int CapacityPerSlot => _rings[0].Capacity;

    /// <summary>Reads the prediction <paramref name="slot"/> stored as <paramref name="sequence"/>, and its id hash; false
    /// when it was overwritten.</summary>
    public bool TryRead(int slot, long sequence, out PendingPrediction prediction, out long keyHash) => _rings[slot].TryRead(sequence, out prediction, out keyHash);

    /// <summary>The sequence number the next prediction of <paramref name="slot"/> gets.</summary>
    public long NextSequence(int slot) => _rings[slot].Next;

    /// <summary>Stores a prediction observed by <paramref name="slot"/>, whose holder is the only writer, under the hash
    /// of its own id when it has one; returns its generated id.</summary>
    public PredictionId Add(int slot, in PendingPrediction prediction, long keyHash = 0) => new(slot, _rings[slot].Add(prediction, keyHash));

    /// <summary>Takes the newest prediction whose own id has <paramref name="keyHash"/> and no label from
    /// <paramref name="source"/> yet; as <see cref="TryTake"/> otherwise, and for a keyed table only.</summary>
    public LabelOutcome TryTakeByKey(long keyHash, LabelSource source, long nowTicks, out PendingPrediction prediction, out PredictionId id, int labelCode = -1)
    {
        LabelOutcome best = LabelOutcome.Unmatched;
        prediction = default;
        id = default;
        Span<long> found = stackalloc long[PredictionKeyIndex.BucketSize];
        for (int slot = 0; slot < _rings.Length; slot++)
        {
            int count = _rings[slot].Keys!.Find(keyHash, found);
            for (int i = 0; i < count; i++)
            {
                var candidate = new PredictionId(slot, found[i]);
                LabelOutcome outcome = TryTake(candidate, source, nowTicks, out PendingPrediction taken, labelCode);
                if (outcome == LabelOutcome.Matched)
                {
                    prediction = taken;
                    id = candidate;
                    return outcome;
                }

                // A duplicate says more than a late one, which says more than none.
                best = outcome == LabelOutcome.Duplicate || (outcome == LabelOutcome.Late && best == LabelOutcome.Unmatched) ? outcome : best;
            }
        }

        return best;
    }

    /// <summary>Takes the prediction a label from <paramref name="source"/> with <paramref name="id"/> arrived for at <paramref name="nowTicks"/>.</summary>
    /// <remarks>A programmatic label's class code (<paramref name="labelCode"/>) is kept with the prediction.</remarks>
    public LabelOutcome TryTake(PredictionId id, LabelSource source, long nowTicks, out PendingPrediction prediction, int labelCode = -1)
    {
        LabelOutcome outcome = id.Slot < _rings.Length ? _rings[id.Slot].TryTake(id.Sequence, source, labelCode, out prediction) : Unknown(out prediction);
        if (outcome == LabelOutcome.Matched && nowTicks - prediction.TimestampTicks > _horizonTicks)
        {
            // Taken, so that a second label for it is a duplicate, but beyond the horizon: it does not count.
            outcome = LabelOutcome.Late;
            prediction = default;
        }

        return outcome;
    }

    /// <summary>How many predictions are pending at <paramref name="nowTicks"/>: without a natural label, within the horizon, still held.</summary>
    public long Pending(long nowTicks)
    {
        long pending = 0;
        foreach (PendingPredictionRing ring in _rings)
        {
            pending += ring.CountPending(nowTicks - _horizonTicks);
        }

        return pending;
    }

    /// <summary>Visits every prediction of <paramref name="window"/> still held without a label from <paramref name="source"/>, with its id.</summary>
    public void VisitUnlabelled(long window, LabelSource source, Action<PredictionId, PendingPrediction> visit)
    {
        for (int slot = 0; slot < _rings.Length; slot++)
        {
            int s = slot;
            _rings[slot].VisitUnlabelled(window, source, (sequence, prediction) => visit(new PredictionId(s, sequence), prediction));
        }
    }

    private static LabelOutcome Unknown(out PendingPrediction prediction)
    {
        prediction = default;
        return LabelOutcome.Unmatched;
    }
}
