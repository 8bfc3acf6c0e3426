using System.Collections.Generic;

namespace MonitorGen.Cli;

/// <summary>What reading the two files gives: per compared column its data, and the current file's rows.</summary>
/// <param name="Columns">The compared columns, in report order.</param>
/// <param name="CurrentRows">The current file's data rows.</param>
/// <param name="CurrentRowsWithIssues">The current file's rows with a missing or non-finite value in at least one compared column: the
/// report's rows with data-quality issues.</param>
internal sealed record CsvColumns(List<ColumnData> Columns, long CurrentRows, long CurrentRowsWithIssues);
