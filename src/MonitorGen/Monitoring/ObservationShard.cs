using System.Runtime.InteropServices;

namespace MonitorGen;

/// <summary>One slot of a monitor's <see cref="ShardPool"/>: its open windows, the spare a check swaps in, and its owner.</summary>
/// <remarks>Padded to two cache lines, so that two processors taking neighbouring slots do not share one.</remarks>
[StructLayout(LayoutKind.Sequential)]
internal sealed class ObservationShard
{
#pragma warning disable CS0169, IDE0051 // Padding before and after the fields the hot path writes.
    private readonly long _padBefore0, _padBefore1, _padBefore2, _padBefore3, _padBefore4, _padBefore5, _padBefore6;
#pragma warning restore CS0169, IDE0051

    // The managed thread id of the thread inside a row or a check on this slot, or 0 when it is free. Taken with a
    // compare-exchange (a full fence), given back with a release store: a lock, whose ordering the .NET memory model states.
    public int Owner;

    // Non-zero while a check waits to take the slot: rows then take another slot, so that a check is not starved by a
    // writer that gives the slot back and takes it again nanoseconds later. Advisory only; Owner is the lock.
    public int Closing;

    // What a row writes into. Read and replaced only by the slot's owner.
    public WindowShard Current = null!;

    // Empty windows a check swaps in; null from the check that swapped them in until it hands the closed ones back.
    public WindowShard? Spare;

#pragma warning disable CS0169, IDE0051
    private readonly long _padAfter0, _padAfter1, _padAfter2, _padAfter3, _padAfter4, _padAfter5;
#pragma warning restore CS0169, IDE0051
}
