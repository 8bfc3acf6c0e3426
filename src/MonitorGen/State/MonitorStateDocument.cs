using System;
using System.Collections.Generic;

namespace MonitorGen.State;

/// <summary>
/// A monitor's window state as saved next to its profile (<see cref="MonitorOptions.StatePath"/>): versioned, and bound to
/// the monitored type's schema hash and to the profile it was observed against.
/// </summary>
internal sealed class MonitorStateDocument
{
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; set; } = CurrentFormatVersion;

    public string ModelName { get; set; } = "";

    public string TypeName { get; set; } = "";

    public string SchemaHash { get; set; } = "";

    /// <summary>When the reference profile was fitted: a state observed against another profile is refused.</summary>
    public DateTimeOffset ProfileCreatedUtc { get; set; }

    public DateTimeOffset SavedUtc { get; set; }

    public DateTimeOffset WindowOpenedUtc { get; set; }

    public long OpenRows { get; set; }

    public long OpenRowsWithIssues { get; set; }

    /// <summary>The rows of the sliding ring's closed sub-windows, oldest first.</summary>
    public long[] RingRows { get; set; } = Array.Empty<long>();

    public long[] RingRowsWithIssues { get; set; } = Array.Empty<long>();

    public List<FeatureWindowState> Features { get; set; } = new();
}
