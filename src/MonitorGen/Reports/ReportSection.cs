using System;
using System.Collections.Generic;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MonitorGen.Reports;

/// <summary>One model (or one pair of files) in an <see cref="HtmlReport"/>: its latest check and, optionally, the checks before it.</summary>
public sealed class ReportSection
{
    /// <summary>The heading, such as the model and record names or the file names.</summary>
    public required string Title { get; init; }

    /// <summary>The check the summary, the drift table and the distributions show; null before the first check, which the section says.</summary>
    public required DriftReport? Latest { get; init; }

    /// <summary>The checks to draw over time, oldest first (<see cref="ModelMonitor.RecentReports"/>); empty for none.</summary>
    public IReadOnlyList<DriftReport> History { get; init; } = Array.Empty<DriftReport>();

    /// <summary>The health to show in the summary, or null where health does not apply.</summary>
    public HealthCheckResult? Health { get; init; }

    /// <summary>More facts for the summary, as label and value, in order (for example the files compared, or the time of the check).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Details { get; init; } = Array.Empty<KeyValuePair<string, string>>();
}
