using System.Collections.Generic;

namespace MonitorGen;

/// <summary>
/// A feature's reference and current values counted on the same bins: the reference profile's bins for a number, its
/// categories and "other" for a category. Aggregates only, so a report can draw the distributions without a raw row.
/// </summary>
public sealed class FeatureDistribution
{
    /// <summary>The label of each bin, such as <c>[1.5, 2.25)</c> or a category's value.</summary>
    public required IReadOnlyList<string> Bins { get; init; }

    /// <summary>The reference's count in each bin.</summary>
    public required IReadOnlyList<long> Reference { get; init; }

    /// <summary>The current window's (or file's) count in each bin.</summary>
    public required IReadOnlyList<long> Current { get; init; }
}
