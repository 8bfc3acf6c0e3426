namespace MonitorGen;

/// <summary>A thread's slot in one monitor: its open windows, the spare a check swaps in, and a row sequence.</summary>
internal sealed class ObservationShard
{
    // Odd while the owning thread is inside a row. Only the owner writes it; a check reads it to wait for a row in flight.
    public long Sequence;

    // What the owner writes into; a check exchanges it for Spare.
    public WindowShard Current = null!;

    // Empty windows ready to be swapped in; the check that closed them hands them back here once merged.
    public WindowShard Spare = null!;
}
