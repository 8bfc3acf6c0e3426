using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using MonitorGen.Statistics;

namespace MonitorGen.Cli;

/// <summary>Writes a <see cref="DriftReport"/> as JSON (Utf8JsonWriter, no reflection) or as a text table.</summary>
internal static class ReportWriters
{
    public static string Json(DriftReport report)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteBoolean("datasetDrift", report.DatasetDrift);
            w.WriteNumber("driftShare", report.DriftShare);
            w.WriteNumber("numberOfColumns", report.Features.Count);
            w.WriteNumber("numberOfDriftedColumns", report.DriftedCount);
            w.WriteNumber("shareOfDriftedColumns", report.ShareOfDrifted);
            w.WriteString("correction", CorrectionId(report.Correction));
            w.WriteString("thresholds", ModeId(report.Thresholds));
            NumberOrNull(w, "alpha", report.Alpha);
            w.WriteString("reference", report.ReferencePath);
            w.WriteString("current", report.CurrentPath);
            w.WriteStartArray("features");
            foreach (FeatureDrift f in report.Features)
            {
                w.WriteStartObject();
                w.WriteString("name", f.Name);
                w.WriteString("kind", f.Kind);
                w.WriteString("method", f.MethodId);
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
                w.WriteNumber("missingReference", f.MissingReference);
                w.WriteNumber("missingCurrent", f.MissingCurrent);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    public static string Text(DriftReport report)
    {
        bool adjusted = report.Correction != Correction.None;
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
        foreach (FeatureDrift f in report.Features)
        {
            var row = new List<string> { f.Name, f.Kind, f.MethodId, Num(f.Score) };
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
                Int(f.MissingReference), Int(f.MissingCurrent),
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
        sb.Append("Drift report: ").Append(report.ReferencePath).Append(" (reference) vs ").Append(report.CurrentPath).Append(" (current)\n\n");
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
        sb.Append(CultureInfo.InvariantCulture, $"Drifted features: {report.DriftedCount} of {report.Features.Count} ({report.ShareOfDrifted:P1}); ");
        sb.Append(CultureInfo.InvariantCulture, $"dataset drift at a share of {report.DriftShare.ToString(CultureInfo.InvariantCulture)}: ");
        sb.Append(report.DatasetDrift ? "YES" : "no");
        if (adjusted)
        {
            sb.Append(" (p-values corrected with ").Append(CorrectionId(report.Correction)).Append(')');
        }

        sb.Append('\n');
        sb.Append(calibrated
            ? string.Create(CultureInfo.InvariantCulture,
                $"Thresholds: calibrated at alpha = {report.Alpha}, each drift also at least its effect floor (--thresholds fixed for Evidently's decisions).\n")
            : "Thresholds: fixed (Evidently's decisions).\n");
        return sb.ToString();
    }

    public static string ModeId(ThresholdMode mode) => mode == ThresholdMode.Fixed ? "fixed" : "calibrated";

    public static string CorrectionId(Correction c) => c switch
    {
        Correction.Bonferroni => "bonferroni",
        Correction.BenjaminiHochberg => "bh",
        _ => "none",
    };

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
