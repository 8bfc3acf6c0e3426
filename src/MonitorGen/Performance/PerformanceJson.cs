using System;
using System.Collections.Generic;
using System.Text.Json;
using MonitorGen.Labels;

namespace MonitorGen.Performance;

/// <summary>
/// Writes realized performance as the <c>/monitoring/performance</c> endpoint serves it: camel-case names, per-class
/// figures keyed by class name, and null for a figure that is undefined (NaN), so that any JSON parser reads it.
/// </summary>
/// <remarks>Written by hand rather than serialized: the per-class object is keyed by the classes' names, and a
/// classifier's and a regressor's windows carry different figures.</remarks>
internal static class PerformanceJson
{
    public static void Write(Utf8JsonWriter writer, PerformanceReport report, bool withIdentity)
    {
        writer.WriteStartObject();
        if (withIdentity)
        {
            writer.WriteString("model", report.Model);
            writer.WriteString("modelVersion", report.ModelVersion);
            writer.WriteString("record", report.Record);
        }

        WriteBody(writer, report);
        writer.WriteEndObject();
    }

    // The figures of one source, without the object's braces: the endpoint nests the weak sources under the natural one.
    public static void WriteBody(Utf8JsonWriter writer, PerformanceReport report)
    {
        writer.WriteString("source", LabelJoin.NameOf(report.Source));
        writer.WriteString("kind", report.IsRegression ? "regression" : "classification");
        if (!report.IsRegression)
        {
            WriteStrings(writer, "classes", report.Classes);
        }

        writer.WritePropertyName("cumulative");
        Write(writer, report.Cumulative);
        if (report.LabelingFunctions is { } functions)
        {
            Write(writer, functions);
        }

        writer.WriteStartArray("windows");
        foreach (PerformanceWindow window in report.Windows)
        {
            Write(writer, window);
        }

        writer.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    // Snorkel's LFAnalysis columns, per function, and the set's figures.
    private static void Write(Utf8JsonWriter writer, LabelingFunctionReport report)
    {
        writer.WriteStartObject("labelingFunctions");
        writer.WriteNumber("rows", report.Rows);
        writer.WriteNumber("coverage", report.Coverage);
        writer.WriteNumber("overlap", report.Overlap);
        writer.WriteNumber("conflict", report.Conflict);
        writer.WriteNumber("skipped", report.Skipped);
        writer.WriteStartArray("functions");
        foreach (LabelingFunctionSummary function in report.Functions)
        {
            writer.WriteStartObject();
            writer.WriteString("name", function.Name);
            WriteStrings(writer, "polarity", function.Polarity);
            writer.WriteNumber("coverage", function.Coverage);
            writer.WriteNumber("overlaps", function.Overlaps);
            writer.WriteNumber("conflicts", function.Conflicts);
            writer.WriteNumber("correct", function.Correct);
            writer.WriteNumber("incorrect", function.Incorrect);
            writer.WriteNumber("empiricalAccuracy", function.EmpiricalAccuracy);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter writer, PerformanceWindow window)
    {
        writer.WriteStartObject();
        if (window.Window >= 0)
        {
            writer.WriteNumber("window", window.Window);
            Time(writer, "openedAt", window.OpenedAt);
            Time(writer, "closedAt", window.ClosedAt);
        }

        Number(writer, "predictions", window.Predictions);
        writer.WriteNumber("count", window.Labels);
        Number(writer, "completeness", window.Completeness);
        Number(writer, "meanLabelDelaySeconds", window.MeanLabelDelaySeconds);
        if (window.Classification is { } c)
        {
            Number(writer, "accuracy", c.Accuracy);
            Interval(writer, "accuracyInterval", c.AccuracyInterval);
            Number(writer, "macroPrecision", c.MacroPrecision);
            Number(writer, "macroRecall", c.MacroRecall);
            Number(writer, "macroF1", c.MacroF1);
            Number(writer, "weightedPrecision", c.WeightedPrecision);
            Number(writer, "weightedRecall", c.WeightedRecall);
            Number(writer, "weightedF1", c.WeightedF1);
            writer.WriteStartObject("perClass");
            foreach (ClassMetrics metrics in c.PerClass)
            {
                writer.WriteStartObject(metrics.Name);
                Number(writer, "precision", metrics.Precision);
                Number(writer, "recall", metrics.Recall);
                Number(writer, "f1", metrics.F1);
                writer.WriteNumber("support", metrics.Support);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            if (window.ConfusionMatrix is { } matrix)
            {
                writer.WriteStartArray("confusionMatrix");
                foreach (IReadOnlyList<long> row in matrix)
                {
                    writer.WriteStartArray();
                    foreach (long count in row)
                    {
                        writer.WriteNumberValue(count);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
            }

            Number(writer, "logLoss", window.LogLoss);
            Number(writer, "rocAuc", window.RocAuc);
        }

        if (window.WeightedAccuracy is not null)
        {
            Number(writer, "weightedAccuracy", window.WeightedAccuracy);
            Number(writer, "effectiveLabels", window.EffectiveLabels);
        }

        if (window.ProgrammaticLabelsJudged > 0)
        {
            writer.WriteNumber("programmaticLabelsJudged", window.ProgrammaticLabelsJudged);
            Number(writer, "programmaticLabelAccuracy", window.ProgrammaticLabelAccuracy);
        }

        if (window.Regression is { } r)
        {
            Number(writer, "mae", r.MeanAbsoluteError);
            Interval(writer, "maeInterval", r.MeanAbsoluteErrorInterval);
            Number(writer, "rmse", r.RootMeanSquaredError);
            Number(writer, "mape", r.MeanAbsolutePercentageError);
            Number(writer, "r2", r.R2);
            Number(writer, "meanError", r.MeanError);
            Interval(writer, "meanErrorInterval", r.MeanErrorInterval);
        }

        writer.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number && double.IsFinite(number))
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void Time(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WriteString(name, time);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void Interval(Utf8JsonWriter writer, string name, Interval interval)
    {
        writer.WriteStartObject(name);
        Number(writer, "lower", interval.Lower);
        Number(writer, "upper", interval.Upper);
        writer.WriteEndObject();
    }
}
