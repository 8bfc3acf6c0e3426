using System.Collections.Generic;
using System.IO;
using System.Linq;
using MonitorGen.Reports;

namespace MonitorGen.Cli;

/// <summary>The HTML report of two files: one section, whose details name the files and their missing values.</summary>
internal static class FileHtmlReport
{
    public static string Render(FileDriftReport check, string? title)
    {
        string reference = Path.GetFileName(check.ReferencePath);
        string current = Path.GetFileName(check.CurrentPath);
        DriftReport report = check.Report;
        var section = new ReportSection
        {
            Title = $"{current} against {reference}",
            Latest = report,
            Details = new[]
            {
                new KeyValuePair<string, string>("Reference file", $"{reference}: {Enumerable.Range(0, report.Features.Count).Max(i => report.Features[i].ReferenceCount + check.MissingReference[i])} rows, {check.MissingReference.Sum()} missing values"),
                new KeyValuePair<string, string>("Current file", $"{current}: {report.Rows} rows, {report.Features.Sum(f => f.Missing)} missing values"),
            },
        };
        return HtmlReport.Render(title ?? $"Drift report: {current} against {reference}", new[] { section });
    }
}
