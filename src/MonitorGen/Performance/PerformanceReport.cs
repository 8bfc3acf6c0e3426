using System;
using System.Collections.Generic;
using System.Text.Json;
using MonitorGen.Labels;

namespace MonitorGen.Performance;

/// <summary>The realized performance of one monitored prediction from one label source: cumulative, and per window.</summary>
public sealed class PerformanceReport
{
    /// <summary>The model name.</summary>
    public required string Model { get; init; }

    /// <summary>The model version, if declared.</summary>
    public string? ModelVersion { get; init; }

    /// <summary>The monitored record's name, for example <c>WeatherForecast</c>.</summary>
    public required string Record { get; init; }

    /// <summary>The labels' source: each source is reported apart.</summary>
    public LabelSource Source { get; init; }

    /// <summary>Whether the prediction is a number (regression) rather than a class.</summary>
    public bool IsRegression { get; init; }

    /// <summary>A classifier's classes, in code order: the names of the per-class figures and of the confusion matrix.</summary>
    public IReadOnlyList<string> Classes { get; init; } = [];

    /// <summary>Every labelled prediction since the monitor started.</summary>
    public required PerformanceWindow Cumulative { get; init; }

    /// <summary>The open window and the latest closed ones (as many as <see cref="MonitorOptions.ReportHistory"/>), oldest first.</summary>
    public IReadOnlyList<PerformanceWindow> Windows { get; init; } = [];

    /// <summary>The programmatic source's labeling functions (the generated <c>AddLabelingFunction</c>); null for another
    /// source, or when none was added.</summary>
    public LabelingFunctionReport? LabelingFunctions { get; init; }

    /// <summary>Writes the report as <c>GET /monitoring/performance</c> serves each model: camel-case names, per-class
    /// figures keyed by class name, and null for an undefined figure.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        PerformanceJson.Write(writer, this, withIdentity: true);
    }
}
