using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.IO;
using System.Text;
using System.Text.Json;
using MonitorGen.Statistics;

namespace MonitorGen.Cli;

/// <summary>Writes a <see cref="FileDriftReport"/> as JSON (Utf8JsonWriter, no reflection) or as a text table.</summary>
internal static class ReportWriters
{
    public static string Json(FileDriftReport file)
    {
        DriftReport report = file.Report;
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteBoolean("datasetDrift", report.DatasetDrift);
            w.WriteNumber("driftShare", report.DriftShareThreshold);
            w.WriteNumber("numberOfColumns", report.Features.Count);
            w.WriteNumber("numberOfDriftedColumns", report.DriftedFeatures);
            w.WriteNumber("shareOfDriftedColumns", report.DriftShare);
            w.WriteString("correction", CorrectionId(report.Correction));
            w.WriteString("thresholds", ModeId(report.Thresholds));
            NumberOrNull(w, "alpha", report.Alpha);
            w.WriteString("reference", file.ReferencePath);
            w.WriteString("current", file.CurrentPath);
            w.WriteStartArray("features");
            for (int i = 0; i < report.Features.Count; i++)
            {
                FeatureDriftResult f = report.Features[i];
                w.WriteStartObject();
                w.WriteString("name", f.Feature);
                w.WriteString("kind", KindId(f.Kind));
                w.WriteString("method", f.Method);
                NumberOrNull(w, "score", f.Score);
                NumberOrNull(w, "statistic", f.Statistic);
                NumberOrNull(w, "pValue", f.PValue);
                NumberOrNull(w, "adjustedPValue", f.AdjustedPValue);
                NumberOrNull(w, "threshold", f.Threshold);
                w.WriteString("thresholdMode", ModeId(f.ThresholdMode));
                NumberOrNull(w, "alpha", f.Alpha);
                NumberOrNull(w, "calibratedPValue", f.CalibratedPValue);
                NumberOrNull(w, "effect", f.Effect);
                if (f.EffectMeasure is null)
                {
                    w.WriteNull("effectMeasure");
                }
                else
                {
                    w.WriteString("effectMeasure", f.EffectMeasure);
                }

                NumberOrNull(w, "effectFloor", f.EffectFloor);
                w.WriteBoolean("drifted", f.Drifted);
                w.WriteNumber("referenceCount", f.ReferenceCount);
                w.WriteNumber("currentCount", f.CurrentCount);
                w.WriteNumber("missingReference", file.MissingReference[i]);
                w.WriteNumber("missingCurrent", f.Missing);
                w.WriteNumber("nonFiniteReference", file.NonFiniteReference[i]);
                w.WriteNumber("nonFiniteCurrent", f.NonFinite);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    public static string Text(FileDriftReport file)
    {
        DriftReport report = file.Report;
        bool adjusted = report.Correction != MultipleTestingCorrection.None;
        bool calibrated = report.Thresholds == ThresholdMode.Calibrated;
        var header = new List<string> { "feature", "kind", "method", adjusted && !calibrated ? "score (raw p)" : "score" };
        if (calibrated)
        {
            header.Add("cal. p");
        }

        if (adjusted)
        {
            header.Add("adjusted p");
        }

        header.Add("threshold");
        if (calibrated)
        {
            header.AddRange(["effect", "floor"]);
        }

        header.AddRange(["drift", "ref n", "cur n", "missing ref", "missing cur"]);
        var rows = new List<string[]> { header.ToArray() };
        for (int i = 0; i < report.Features.Count; i++)
        {
            FeatureDriftResult f = report.Features[i];
            // A fixed decision's score is its adjusted p-value under a correction; the table keeps the raw one beside it.
            double score = adjusted && !calibrated ? f.PValue ?? f.Score ?? double.NaN : f.Score ?? double.NaN;
            var row = new List<string> { TerminalText.Escape(f.Feature), KindId(f.Kind), f.Method, Num(score) };
            if (calibrated)
            {
                row.Add(Optional(f.CalibratedPValue));
            }

            if (adjusted)
            {
                row.Add(Optional(f.AdjustedPValue));
            }

            row.Add(Num(f.Threshold));
            if (calibrated)
            {
                row.Add(f.Effect is double e ? $"{Num(e)} ({f.EffectMeasure})" : "-");
                row.Add(Optional(f.EffectFloor));
            }

            row.AddRange(new[]
            {
                f.Drifted ? "DRIFT" : "ok", Int(f.ReferenceCount), Int(f.CurrentCount),
                Int(file.MissingReference[i]), Int(f.Missing),
            });
            rows.Add(row.ToArray());
        }

        int[] widths = new int[header.Count];
        foreach (string[] row in rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var sb = new StringBuilder();
        sb.Append("Drift report: ").Append(TerminalText.Escape(file.ReferencePath)).Append(" (reference) vs ")
            .Append(TerminalText.Escape(file.CurrentPath)).Append(" (current)\n\n");
        for (int r = 0; r < rows.Count; r++)
        {
            string[] row = rows[r];
            for (int i = 0; i < row.Length; i++)
            {
                bool left = i < 3 || row[i] is "DRIFT" or "ok" || r == 0;
                string cell = left ? row[i].PadRight(widths[i]) : row[i].PadLeft(widths[i]);
                sb.Append(cell).Append(i == row.Length - 1 ? string.Empty : "  ");
            }

            sb.Append('\n');
            if (r == 0)
            {
                for (int i = 0; i < widths.Length; i++)
                {
                    sb.Append('-', widths[i]).Append(i == widths.Length - 1 ? string.Empty : "  ");
                }

                sb.Append('\n');
            }
        }

        sb.Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"Drifted features: {report.DriftedFeatures} of {report.Features.Count} ({report.DriftShare:P1}); ");
        sb.Append(CultureInfo.InvariantCulture, $"dataset drift at a share of {report.DriftShareThreshold.ToString(CultureInfo.InvariantCulture)}: ");
        sb.Append(report.DatasetDrift ? "YES" : "no");
        if (adjusted)
        {
            sb.Append(" (p-values corrected with ").Append(CorrectionId(report.Correction)).Append(')');
        }

        sb.Append('\n');
        string[] nonFinite = Enumerable.Range(0, report.Features.Count)
            .Where(i => file.NonFiniteReference[i] + report.Features[i].NonFinite > 0)
            .Select(i => $"{TerminalText.Escape(report.Features[i].Feature)} (ref {Int(file.NonFiniteReference[i])}, cur {Int(report.Features[i].NonFinite)})")
            .ToArray();
        if (nonFinite.Length > 0)
        {
            sb.Append("Non-finite values (Infinity, inf, or beyond the double range such as 1e400) left out of the tests: ")
                .AppendJoin(", ", nonFinite).Append('\n');
        }

        sb.Append(calibrated
            ? string.Create(CultureInfo.InvariantCulture,
                $"Thresholds: calibrated at alpha = {report.Alpha}, each drift also at least its effect floor (--thresholds fixed for Evidently's decisions).\n")
            : "Thresholds: fixed (Evidently's decisions).\n");
        return sb.ToString();
    }

    public static string ModeId(ThresholdMode mode) => mode == ThresholdMode.Fixed ? "fixed" : "calibrated";

    public static string CorrectionId(MultipleTestingCorrection c) => c switch
    {
        MultipleTestingCorrection.Bonferroni => "bonferroni",
        MultipleTestingCorrection.BenjaminiHochberg => "bh",
        _ => "none",
    };

    private static string KindId(FeatureKind kind) => kind == FeatureKind.Numerical ? "numerical" : "categorical";

    private static void NumberOrNull(Utf8JsonWriter w, string name, double? value)
    {
        if (value is double v && double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Optional(double? v) => v is double x ? Num(x) : "-";

    private static string Num(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    private static string Int(long v) => v.ToString(CultureInfo.InvariantCulture);
}
