using System.Collections.Generic;

namespace MonitorGen.Performance;

/// <summary>Realized classification performance over a set of labelled predictions.</summary>
/// <param name="Count">How many labelled predictions.</param>
/// <param name="Accuracy">The share predicted right.</param>
/// <param name="AccuracyInterval">Wilson's 95 % interval of <paramref name="Accuracy"/>.</param>
/// <param name="PerClass">
/// Every class that occurs among the actual or the predicted classes, in code order (scikit-learn's
/// <c>unique_labels(y_true, y_pred)</c>); a class in neither is left out of the averages too.
/// </param>
/// <param name="MacroPrecision">The unweighted mean of the per-class precisions.</param>
/// <param name="MacroRecall">The unweighted mean of the per-class recalls.</param>
/// <param name="MacroF1">The unweighted mean of the per-class F1 scores.</param>
/// <param name="WeightedPrecision">The mean of the per-class precisions weighted by support.</param>
/// <param name="WeightedRecall">The mean of the per-class recalls weighted by support.</param>
/// <param name="WeightedF1">The mean of the per-class F1 scores weighted by support.</param>
public sealed record ClassificationMetrics(
    long Count,
    double Accuracy,
    Interval AccuracyInterval,
    IReadOnlyList<ClassMetrics> PerClass,
    double MacroPrecision,
    double MacroRecall,
    double MacroF1,
    double WeightedPrecision,
    double WeightedRecall,
    double WeightedF1);
