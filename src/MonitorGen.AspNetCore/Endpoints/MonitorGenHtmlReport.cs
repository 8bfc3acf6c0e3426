using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MonitorGen.Reports;

namespace MonitorGen.AspNetCore.Endpoints;

/// <summary>Answers <c>GET /monitoring/report</c>: the HTML report of every monitor, from its latest check and its recent checks.</summary>
internal static class MonitorGenHtmlReport
{
    public static Task WriteAsync(HttpContext context, MonitorRegistry registry)
    {
        IReadOnlyList<ModelMonitor> monitors = registry.Monitors;
        var sections = new ReportSection[monitors.Count];
        for (int i = 0; i < sections.Length; i++)
        {
            sections[i] = Section(monitors[i]);
        }

        string page = HtmlReport.Render("MonitorGen: drift report", sections);
        context.Response.ContentType = "text/html; charset=utf-8";
        // The page is built from live state: a cache must not serve it to someone the management authorization would refuse.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        // Everything the page runs is inline; nothing may be fetched, framed or sent from it.
        context.Response.Headers["Content-Security-Policy"] =
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        return context.Response.WriteAsync(page, context.RequestAborted);
    }

    private static ReportSection Section(ModelMonitor monitor)
    {
        MonitorSchema schema = monitor.Schema;
        DriftReport? latest = monitor.LastReport;
        var details = new List<KeyValuePair<string, string>>
        {
            new("Record", schema.RecordName),
            new("Model version", schema.ModelVersion ?? "not set"),
            new("Rows in the open window", monitor.WindowRows.ToString(CultureInfo.InvariantCulture)),
        };
        if (latest is not null)
        {
            details.Insert(0, new("Checked at", latest.CheckedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)));
        }

        return new ReportSection
        {
            Title = $"{schema.ModelName} · {schema.RecordName}",
            Latest = latest,
            History = monitor.RecentReports,
            Health = latest is null ? null : new ModelHealthCheck(monitor).Evaluate(),
            Details = details,
        };
    }
}
