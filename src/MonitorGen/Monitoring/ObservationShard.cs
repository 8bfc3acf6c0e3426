using System.Runtime.InteropServices;

namespace MonitorGen.Monitoring;

/// <summary>One slot of a monitor's <see cref="ShardPool"/>: its open windows, the spare a check swaps in, and its owner.</summary>
/// <remarks>
/// Explicit layout, with the fields in the middle of three cache lines of their own: the slots are allocated together,
/// and with the runtime's automatic layout one slot's owner word shared a line with the next slot's window references,
/// so that two processors writing their own slots slowed each other down (false sharing).
/// </remarks>
[StructLayout(LayoutKind.Explicit, Size = 192)]
internal sealed class ObservationShard
{
    // The managed thread id of the thread inside a row or a check on this slot, or 0 when it is free. Taken with a
    // compare-exchange (a full fence), given back with a release store: a lock, whose ordering the .NET memory model states.
    [FieldOffset(64)]
    public int Owner;

    // Non-zero while a check waits to take the slot: rows then take another slot, so that a check is not starved by a
    // writer that gives the slot back and takes it again nanoseconds later. Advisory only; Owner is the lock.
    [FieldOffset(68)]
    public int Closing;

    // What a row writes into. Read and replaced only by the slot's owner.
    [FieldOffset(72)]
    public WindowShard Current = null!;

    // Empty windows a check swaps in; null from the check that swapped them in until it hands the closed ones back.
    [FieldOffset(80)]
    public WindowShard? Spare;

    // The slot's position in its pool (-1 for the windows of rows nested deeper than the pool): a pending prediction's
    // id names the slot that stored it.
    [FieldOffset(88)]
    public int Index = -1;
}
