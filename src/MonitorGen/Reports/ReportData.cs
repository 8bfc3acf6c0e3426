using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace MonitorGen.Reports;

/// <summary>
/// The JSON the page's script draws from: per section, each feature's distribution (in the latest report's feature order)
/// and, over the history, each feature's score, threshold and n, and the data-quality share and rows of each check.
/// </summary>
internal static class ReportData
{
    // The charts need no more; six significant digits keep a 100-feature, 50-check page well under 1 MB.
    private const string ChartFormat = "G6";

    // A log axis cannot show 0: p-values below this are drawn at it.
    private const double SmallestPValue = 1e-300;

    public static string Json(IReadOnlyList<ReportSection> sections)
    {
        using var stream = new MemoryStream();
        // The default encoder escapes <, > and &, so the text cannot end the <script> element that holds it.
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("sections");
            foreach (ReportSection section in sections)
            {
                json.WriteStartObject();
                json.WriteStartArray("features");
                IReadOnlyList<FeatureDriftResult> features = section.Latest?.Features ?? Array.Empty<FeatureDriftResult>();
                foreach (FeatureDriftResult feature in features)
                {
                    WriteDistribution(json, feature.Distribution);
                }

                json.WriteEndArray();
                WriteHistory(json, section.History, features);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteDistribution(Utf8JsonWriter json, FeatureDistribution? distribution)
    {
        if (distribution is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        json.WriteStartArray("bins");
        foreach (string bin in distribution.Bins)
        {
            json.WriteStringValue(bin);
        }

        json.WriteEndArray();
        WriteCounts(json, "reference", distribution.Reference);
        WriteCounts(json, "current", distribution.Current);
        json.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, IReadOnlyList<long> counts)
    {
        json.WriteStartArray(name);
        foreach (long count in counts)
        {
            json.WriteNumberValue(count);
        }

        json.WriteEndArray();
    }

    private static void WriteHistory(Utf8JsonWriter json, IReadOnlyList<DriftReport> history, IReadOnlyList<FeatureDriftResult> features)
    {
        json.WriteStartObject("history");
        json.WriteStartArray("at");
        foreach (DriftReport report in history)
        {
            json.WriteStringValue(report.CheckedAt.UtcDateTime.ToString("MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        }

        json.WriteEndArray();
        json.WriteStartArray("rows");
        foreach (DriftReport report in history)
        {
            json.WriteNumberValue(report.Rows);
        }

        json.WriteEndArray();
        json.WriteStartArray("quality");
        foreach (DriftReport report in history)
        {
            WriteChartNumber(json, 100 * report.DataQualityFailureShare);
        }

        json.WriteEndArray();
        json.WriteStartArray("features");
        foreach (FeatureDriftResult feature in features)
        {
            // The schema of one monitor does not change, but a report read from elsewhere may lack a feature: a gap, not an error.
            FeatureDriftResult?[] past = history.Select(h => h.Features.FirstOrDefault(r => r.Feature == feature.Feature)).ToArray();
            bool pValue = HtmlReport.IsPValue(feature.Method);
            json.WriteStartObject();
            json.WriteBoolean("pValue", pValue);
            json.WriteStartArray("score");
            foreach (FeatureDriftResult? r in past)
            {
                WriteChartNumber(json, r?.Score is double s && pValue ? Math.Max(s, SmallestPValue) : r?.Score);
            }

            json.WriteEndArray();
            json.WriteStartArray("threshold");
            foreach (FeatureDriftResult? r in past)
            {
                WriteChartNumber(json, r?.Threshold);
            }

            json.WriteEndArray();
            json.WriteStartArray("n");
            foreach (FeatureDriftResult? r in past)
            {
                WriteChartNumber(json, r?.CurrentCount);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteChartNumber(Utf8JsonWriter json, double? value)
    {
        if (value is double v && double.IsFinite(v))
        {
            json.WriteRawValue(v.ToString(ChartFormat, CultureInfo.InvariantCulture), skipInputValidation: true);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
