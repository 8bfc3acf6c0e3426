using System.Collections.Generic;
using MonitorGen.Statistics;

namespace MonitorGen.Cli;

/// <summary>The drift result of one feature (column).</summary>
internal sealed record FeatureDrift(
    string Name,
    bool Numerical,
    DriftMethod Method,
    double Score,
    double? Statistic,
    double? PValue,
    double? AdjustedPValue,
    double Threshold,
    bool Drifted,
    long ReferenceCount,
    long CurrentCount,
    long MissingReference,
    long MissingCurrent,
    ThresholdMode ThresholdMode,
    double? Alpha,
    double? CalibratedPValue,
    double? Effect,
    string? EffectMeasure,
    double? EffectFloor)
{
    public string Kind => Numerical ? "numerical" : "categorical";

    public string MethodId => DriftMethodCatalog.IdOf(Method);
}

/// <summary>The whole report: the features and the dataset-level decision.</summary>
internal sealed record DriftReport(
    string ReferencePath,
    string CurrentPath,
    IReadOnlyList<FeatureDrift> Features,
    double DriftShare,
    Correction Correction,
    int DriftedCount,
    ThresholdMode Thresholds,
    double? Alpha)
{
    public double ShareOfDrifted => Features.Count == 0 ? 0 : (double)DriftedCount / Features.Count;

    /// <summary>The dataset drifted when the share of drifted features is at least <see cref="DriftShare"/>.</summary>
    public bool DatasetDrift => Features.Count > 0 && ShareOfDrifted >= DriftShare;
}
