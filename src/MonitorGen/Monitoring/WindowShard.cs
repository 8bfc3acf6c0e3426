using System.Runtime.InteropServices;
using MonitorGen.Labels;
using MonitorGen.Sketches;

namespace MonitorGen.Monitoring;

/// <summary>
/// One thread's open windows of one monitor: the generated <c>Observe</c> gets it from <c>BeginRow</c> and writes every
/// feature of the row into it with plain, unsynchronized adds, since no other thread writes it.
/// </summary>
/// <remarks>
/// A drift check swaps each thread's shard for a fresh one, waits for a row in flight to finish, and merges the closed
/// shards feature by feature: the sketches are mergeable, so the merged window is what one shared window would have held,
/// without an interlocked operation per feature on the hot path.
/// </remarks>
// Explicit layout: the row counters, written on every row, sit in the middle of a line of their own, so that no other
// slot's objects share it however the allocator or the collector places them.
[StructLayout(LayoutKind.Explicit, Size = 160)]
internal sealed class WindowShard
{
    [FieldOffset(64)]
    internal long Rows;

    [FieldOffset(72)]
    internal long RowsWithIssues;

    [FieldOffset(80)]
    private readonly ObservationShard _owner;

    [FieldOffset(88)]
    private readonly NumericWindow?[] _numeric;

    [FieldOffset(96)]
    private readonly CategoricalWindow?[] _categorical;

    // The sequence number of the window these shards are part of, set by the check that opened it while it holds the
    // slot: a prediction observed here has its label counted in this window, whenever the label arrives.
    [FieldOffset(104)]
    internal long Window;

    // The owner's slot index, copied here so that storing a prediction reads it with one load rather than two.
    [FieldOffset(112)]
    internal readonly int Slot;

    // The slot's pending predictions, when labels are on: a stored prediction reaches its ring with this one load.
    [FieldOffset(120)]
    internal readonly PendingPredictionRing? PendingPredictions;

    internal WindowShard(ObservationShard owner, NumericWindow?[] numeric, CategoricalWindow?[] categorical, PendingPredictionRing? pendingPredictions = null)
    {
        _owner = owner;
        Slot = owner.Index;
        _numeric = numeric;
        _categorical = categorical;
        PendingPredictions = pendingPredictions;
    }

    internal ObservationShard Owner => _owner;

    // Indexed by feature index; null where the feature is of the other kind.
    internal NumericWindow?[] Numeric => _numeric;

    internal CategoricalWindow?[] Categorical => _categorical;

    internal void Reset()
    {
        foreach (NumericWindow? window in Numeric)
        {
            window?.Reset();
        }

        foreach (CategoricalWindow? window in Categorical)
        {
            window?.Reset();
        }

        Rows = 0;
        RowsWithIssues = 0;
    }
}
