using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MonitorGen.DriftMethods;
using MonitorGen.Statistics;

namespace MonitorGen.Reports;

/// <summary>
/// Writes a drift report as one self-contained HTML page: a summary, the drift table ranked by drift, each feature's
/// reference and current distributions, and, for sections with a history, drift and data quality over time.
/// </summary>
/// <remarks>
/// The page needs no network: its style, its script and Chart.js are inlined. It is built from the reports' aggregates
/// (counts on bins, scores), never from a raw row, and the same input gives the same bytes. Every string from the
/// input is HTML-encoded; the chart data is JSON whose encoder escapes <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c>, so no
/// name can close the script that holds it.
/// </remarks>
public static class HtmlReport
{
    // Letters of every script stay as they are (the page is UTF-8); markup characters, quotes and control characters are encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Renders <paramref name="sections"/> under <paramref name="title"/> as a page.</summary>
    public static string Render(string title, IReadOnlyList<ReportSection> sections)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, title, sections);
        return writer.ToString();
    }

    /// <summary>Writes the page that <see cref="Render"/> returns into <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, string title, IReadOnlyList<ReportSection> sections)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(sections);
        writer.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        writer.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        writer.Write("<meta name=\"generator\" content=\"MonitorGen\">\n<title>");
        writer.Write(Encode(title));
        writer.Write("</title>\n<style>\n");
        writer.Write(ReportAssets.Css);
        writer.Write("</style>\n</head>\n<body>\n<header>\n<h1>");
        writer.Write(Encode(title));
        writer.Write("</h1>\n<p class=\"lead\">MonitorGen drift report, built from aggregates only: counts on the reference's bins and the tests' scores, no raw row.</p>\n</header>\n<main>\n");
        for (int s = 0; s < sections.Count; s++)
        {
            WriteSection(writer, s, sections[s]);
        }

        writer.Write("</main>\n<footer class=\"note\">Charts drawn with Chart.js (MIT licence), inlined.</footer>\n");
        writer.Write("<script type=\"application/json\" id=\"monitorgen-data\">");
        writer.Write(ReportData.Json(sections));
        writer.Write("</script>\n<script>\n");
        writer.Write(ReportAssets.ChartJs);
        writer.Write("\n</script>\n<script>\n");
        writer.Write(ReportAssets.Script);
        writer.Write("</script>\n</body>\n</html>\n");
    }

    private static void WriteSection(TextWriter w, int s, ReportSection section)
    {
        w.Write($"<section id=\"s{s}\" aria-labelledby=\"s{s}-title\">\n<h2 id=\"s{s}-title\">{Encode(section.Title)}</h2>\n");
        if (section.Latest is not { } report)
        {
            w.Write("<p class=\"note\">No drift check has run yet.</p>\n</section>\n");
            return;
        }

        WriteSummary(w, section, report);
        if (section.History.Count > 0)
        {
            w.Write($"<h3>Data quality over the last {section.History.Count} checks</h3>\n");
            WriteChart(w, "quality", s, 0, QualityAlternative(section.History), large: true);
        }

        WriteTable(w, s, report);
        w.Write("<h3>Features</h3>\n<div class=\"grid\">\n");
        for (int f = 0; f < report.Features.Count; f++)
        {
            WriteFeature(w, s, f, report.Features[f], section.History);
        }

        w.Write("</div>\n</section>\n");
    }

    private static void WriteSummary(TextWriter w, ReportSection section, DriftReport report)
    {
        w.Write("<dl class=\"summary\">\n");
        Fact(w, "Dataset drift", report.DatasetDrift ? "Yes" : "No", report.DatasetDrift ? "drift" : "ok");
        Fact(w, "Drifted features",
            $"{report.DriftedFeatures} of {report.TestedFeatures} tested ({Percent(report.DriftShare)}); the dataset drifts at {Percent(report.DriftShareThreshold)}", null);
        Fact(w, "Data quality", $"{report.RowsWithIssues} of {report.Rows} rows with issues ({Percent(report.DataQualityFailureShare)})",
            report.RowsWithIssues > 0 ? "warn" : null);
        if (section.Health is HealthCheckResult health)
        {
            string css = health.Status switch { HealthStatus.Healthy => "ok", HealthStatus.Degraded => "warn", _ => "drift" };
            Fact(w, "Health", $"{health.Status}: {health.Description}", css);
        }

        string thresholds = report.Thresholds == ThresholdMode.Calibrated
            ? $"calibrated, α = {Number(report.Alpha)} per feature"
            : "fixed (each method's threshold)";
        Fact(w, "Thresholds", report.Correction == MultipleTestingCorrection.None ? thresholds : $"{thresholds}, {report.Correction} correction", null);
        foreach (KeyValuePair<string, string> detail in section.Details)
        {
            Fact(w, detail.Key, detail.Value, null);
        }

        w.Write("</dl>\n");
    }

    private static void Fact(TextWriter w, string label, string value, string? css)
    {
        string open = css is null ? "<dd>" : $"<dd class=\"{css}\">";
        w.Write($"<div><dt>{Encode(label)}</dt>{open}{Encode(value)}</dd></div>\n");
    }

    private static void WriteTable(TextWriter w, int s, DriftReport report)
    {
        w.Write("<h3>Drift by feature</h3>\n<div class=\"table-wrap\">\n<table class=\"drift-table\">\n");
        w.Write("<caption class=\"note\">Ranked by drift: drifted features first, then by how near each score is to its threshold.</caption>\n");
        w.Write("<thead><tr><th scope=\"col\">Feature</th><th scope=\"col\">Kind</th><th scope=\"col\">Method</th><th scope=\"col\">Score</th>");
        w.Write("<th scope=\"col\">Threshold</th><th scope=\"col\">Drift</th><th scope=\"col\">Distribution</th></tr></thead>\n<tbody>\n");
        foreach (int f in DriftRanking.Order(report.Features))
        {
            FeatureDriftResult r = report.Features[f];
            string drift = !r.Tested ? "not tested" : r.Drifted ? "Drifted" : "No";
            string threshold = $"{Number(r.Threshold)} ({(r.ThresholdMode == ThresholdMode.Calibrated ? "calibrated" : "fixed")})";
            w.Write($"<tr class=\"{(r.Drifted ? "drifted" : "stable")}\" data-feature=\"{Encode(r.Feature)}\" data-drifted=\"{(r.Drifted ? "true" : "false")}\">");
            w.Write($"<td class=\"name\"><a href=\"#s{s}-f{f}\">{Encode(r.Feature)}</a></td><td>{r.Kind}</td><td>{Encode(r.Method)}</td>");
            w.Write($"<td class=\"num\">{Number(r.Score)}</td><td class=\"num\">{Encode(threshold)}</td>");
            w.Write($"<td class=\"{(r.Drifted ? "drift" : r.Tested ? "ok" : "note")}\">{drift}</td><td>");
            if (r.Distribution is { } distribution)
            {
                string alternative = DistributionAlternative(r.Feature, distribution);
                w.Write($"<canvas class=\"spark\" width=\"120\" height=\"32\" data-chart=\"spark\" data-section=\"{s}\" data-feature=\"{f}\" role=\"img\" aria-label=\"{Encode(alternative)}\">{Encode(alternative)}</canvas>");
            }
            else
            {
                w.Write("<span class=\"note\">too few values to show</span>");
            }

            w.Write("</td></tr>\n");
        }

        w.Write("</tbody>\n</table>\n</div>\n");
    }

    private static void WriteFeature(TextWriter w, int s, int f, FeatureDriftResult r, IReadOnlyList<DriftReport> history)
    {
        w.Write($"<article id=\"s{s}-f{f}\">\n<h4>{Encode(r.Feature)}</h4>\n");
        string verdict = !r.Tested ? $"Not tested: {r.Note}" : $"{r.Method}: score {Number(r.Score)} against {Number(r.Threshold)}; {(r.Drifted ? "drifted" : "no drift")}.";
        w.Write($"<p class=\"note\">{Encode(verdict)}</p>\n");
        if (r.Distribution is { } distribution)
        {
            WriteChart(w, "distribution", s, f, DistributionAlternative(r.Feature, distribution), large: true);
        }

        if (history.Count > 0)
        {
            WriteChart(w, "score", s, f, ScoreAlternative(r.Feature, history), large: true);
        }

        w.Write("<table class=\"quality\"><caption class=\"note\">Data quality in the current window</caption><tbody>");
        w.Write($"<tr><th scope=\"row\">valid values</th><td class=\"num\">{r.CurrentCount}</td><th scope=\"row\">reference values</th><td class=\"num\">{r.ReferenceCount}</td></tr>");
        w.Write($"<tr><th scope=\"row\">missing</th><td class=\"num\">{r.Missing}</td><th scope=\"row\">NaN or infinite</th><td class=\"num\">{r.NonFinite}</td></tr>");
        w.Write($"<tr><th scope=\"row\">out of range</th><td class=\"num\">{r.OutOfRange}</td><th scope=\"row\">unseen category</th><td class=\"num\">{r.UnseenCategory}</td></tr>");
        w.Write("</tbody></table>\n</article>\n");
    }

    private static void WriteChart(TextWriter w, string chart, int s, int f, string alternative, bool large)
    {
        string text = Encode(alternative);
        w.Write($"<figure><div class=\"{(large ? "chart" : "spark")}\"><canvas data-chart=\"{chart}\" data-section=\"{s}\" data-feature=\"{f}\" role=\"img\" aria-label=\"{text}\">{text}</canvas></div>");
        w.Write($"<figcaption>{text}</figcaption></figure>\n");
    }

    private static string DistributionAlternative(string feature, FeatureDistribution d)
    {
        double referenceTotal = d.Reference.Sum(), currentTotal = d.Current.Sum();
        int largest = -1;
        double change = -1;
        for (int i = 0; i < d.Bins.Count; i++)
        {
            double delta = Math.Abs(Share(d.Current[i], currentTotal) - Share(d.Reference[i], referenceTotal));
            if (delta > change)
            {
                (largest, change) = (i, delta);
            }
        }

        string text = $"Reference and current distributions of {feature} on {d.Bins.Count} bins.";
        return largest < 0 ? text
            : $"{text} Largest difference in {d.Bins[largest]}: reference {Percent(Share(d.Reference[largest], referenceTotal))}, current {Percent(Share(d.Current[largest], currentTotal))}.";
    }

    private static string ScoreAlternative(string feature, IReadOnlyList<DriftReport> history)
    {
        FeatureDriftResult? latest = history[^1].Features.FirstOrDefault(r => r.Feature == feature);
        int drifted = history.Count(h => h.Features.Any(r => r.Feature == feature && r.Drifted));
        return $"Drift score of {feature} over the last {history.Count} checks, with its threshold and each window's n: drifted in {drifted} of them; latest score {Number(latest?.Score)} against {Number(latest?.Threshold)}.";
    }

    private static string QualityAlternative(IReadOnlyList<DriftReport> history) =>
        $"Share of rows with data-quality issues in each of the last {history.Count} checks, with each window's rows: latest {Percent(history[^1].DataQualityFailureShare)}, highest {Percent(history.Max(h => h.DataQualityFailureShare))}.";

    private static double Share(long count, double total) => total > 0 ? count / total : 0;

    private static string Percent(double share) => share.ToString("P1", CultureInfo.InvariantCulture);

    internal static string Number(double? value) => value switch
    {
        null => "—",
        double v when double.IsPositiveInfinity(v) => "∞",
        double v => v.ToString("G4", CultureInfo.InvariantCulture),
    };

    private static string Encode(string? text) => text is null ? string.Empty : Encoder.Encode(text);

    internal static bool IsPValue(string method) => DriftMethodTable.OfId(method)?.IsPValue ?? false;
}
