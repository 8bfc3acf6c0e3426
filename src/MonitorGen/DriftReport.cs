using System;
using System.Collections.Generic;
using System.Text.Json;
using MonitorGen.Profiles;
using MonitorGen.Statistics;

namespace MonitorGen;

/// <summary>The result of one drift check: one window of one model against its reference profile.</summary>
public sealed class DriftReport
{
    /// <summary>The model name.</summary>
    public required string Model { get; init; }

    /// <summary>The model version.</summary>
    public string? ModelVersion { get; init; }

    /// <summary>When the window was closed.</summary>
    public required DateTimeOffset CheckedAt { get; init; }

    /// <summary>Rows observed in the window.</summary>
    public required long Rows { get; init; }

    /// <summary>Rows with at least one data-quality issue.</summary>
    public required long RowsWithIssues { get; init; }

    /// <summary><see cref="RowsWithIssues"/> / <see cref="Rows"/>; 0 for an empty window.</summary>
    public double DataQualityFailureShare => Rows == 0 ? 0 : (double)RowsWithIssues / Rows;

    /// <summary>Per feature, in declaration order.</summary>
    public required IReadOnlyList<FeatureDriftResult> Features { get; init; }

    /// <summary>The multiple-testing control applied.</summary>
    public required MultipleTestingCorrection Correction { get; init; }

    /// <summary>Features whose test ran.</summary>
    public required int TestedFeatures { get; init; }

    /// <summary>Features that drifted.</summary>
    public required int DriftedFeatures { get; init; }

    /// <summary>Drifted / tested features.</summary>
    public double DriftShare => TestedFeatures == 0 ? 0 : (double)DriftedFeatures / TestedFeatures;

    /// <summary>The configured drift share at which the dataset counts as drifted.</summary>
    public required double DriftShareThreshold { get; init; }

    /// <summary>Whether the dataset drifted: at least one tested feature and <see cref="DriftShare"/> ≥ the threshold.</summary>
    public bool DatasetDrift => TestedFeatures > 0 && DriftShare >= DriftShareThreshold;

    /// <summary>How drift was decided (features with a declared threshold are fixed in either mode; see each feature's result).</summary>
    public ThresholdMode Thresholds { get; init; }

    /// <summary>Calibrated: the configured default α.</summary>
    public double? Alpha { get; init; }

    /// <summary>Calibrated: the false-alarm budget, the expected number of drift-free checks per alarm.</summary>
    public double? ExpectedRunLength { get; init; }

    /// <summary>Calibrated: the per-feature level β of the budget over the tested features.</summary>
    public double? AlarmLevel { get; init; }

    /// <summary>
    /// The continuous rule, which the health check reports: calibrated, at least one feature alarmed (its p-value at most
    /// <see cref="AlarmLevel"/>, its effect at least its floor); fixed, <see cref="DatasetDrift"/>.
    /// </summary>
    public bool Alarm => Thresholds == ThresholdMode.Fixed ? DatasetDrift : AlarmedFeatures > 0;

    /// <summary>Features that alarmed.</summary>
    public int AlarmedFeatures { get; init; }

    /// <summary>The report as indented JSON (camelCase, through the source-generated context).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, MonitorGenJsonContext.Default.DriftReport);

    /// <summary>Writes the report as JSON, as <see cref="ToJson"/> does, into <paramref name="writer"/>.</summary>
    public void WriteJson(Utf8JsonWriter writer) => JsonSerializer.Serialize(writer, this, MonitorGenJsonContext.Default.DriftReport);

    /// <summary>Reads a report written by <see cref="ToJson"/> or <see cref="WriteJson"/>.</summary>
    /// <exception cref="JsonException"><paramref name="json"/> is not a drift report.</exception>
    public static DriftReport FromJson(JsonElement json) =>
        json.Deserialize(MonitorGenJsonContext.Default.DriftReport) ?? throw new JsonException("A drift report is a JSON object, not null.");
}
