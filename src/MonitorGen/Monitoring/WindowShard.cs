using MonitorGen.Sketches;

namespace MonitorGen;

/// <summary>
/// One thread's open windows of one monitor: the generated <c>Observe</c> gets it from <c>BeginRow</c> and writes every
/// feature of the row into it with plain, unsynchronized adds, since no other thread writes it.
/// </summary>
/// <remarks>
/// A drift check swaps each thread's shard for a fresh one, waits for a row in flight to finish, and merges the closed
/// shards feature by feature: the sketches are mergeable, so the merged window is what one shared window would have held,
/// without an interlocked operation per feature on the hot path.
/// </remarks>
public sealed class WindowShard
{
    internal WindowShard(ObservationShard owner, NumericWindow?[] numeric, CategoricalWindow?[] categorical)
    {
        Owner = owner;
        Numeric = numeric;
        Categorical = categorical;
    }

    internal ObservationShard Owner { get; }

    // Indexed by feature index; null where the feature is of the other kind.
    internal NumericWindow?[] Numeric { get; }

    internal CategoricalWindow?[] Categorical { get; }

    internal long Rows;

    internal long RowsWithIssues;

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
