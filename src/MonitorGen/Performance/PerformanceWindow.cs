using System;
using System.Collections.Generic;

namespace MonitorGen.Performance;

/// <summary>
/// The realized performance of the predictions made in one window (or, cumulative, in every window), from the labels of
/// one source that have arrived so far: a label lands in the window of its prediction, whenever it arrives.
/// </summary>
public sealed class PerformanceWindow
{
    /// <summary>The window's sequence number (0 for the first); -1 for the cumulative figures.</summary>
    public long Window { get; init; }

    /// <summary>When the window opened; null for the cumulative figures.</summary>
    public DateTimeOffset? OpenedAt { get; init; }

    /// <summary>When the window closed; null while it is open, and for the cumulative figures.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The rows observed in the window; null while it is open.</summary>
    public long? Predictions { get; init; }

    /// <summary>The labels matched to the window's predictions.</summary>
    public long Labels { get; init; }

    /// <summary>Labels over predictions: the label completeness; null while the window is open.</summary>
    public double? Completeness { get; init; }

    /// <summary>The mean time from a prediction to its label, in seconds; null without labels.</summary>
    public double? MeanLabelDelaySeconds { get; init; }

    /// <summary>A classifier's figures, as scikit-learn computes them; null for a regressor.</summary>
    public ClassificationMetrics? Classification { get; init; }

    /// <summary>A classifier's confusion matrix: row = actual class, column = predicted, in <see cref="PerformanceReport.Classes"/> order.</summary>
    public IReadOnlyList<IReadOnlyList<long>>? ConfusionMatrix { get; init; }

    /// <summary>A binary classifier's log loss, when a score is declared (<see cref="PredictionAttribute.Score"/>).</summary>
    public double? LogLoss { get; init; }

    /// <summary>A binary classifier's ROC AUC, when a score is declared and both classes occur.</summary>
    public double? RocAuc { get; init; }

    /// <summary>A regressor's figures, as scikit-learn computes them; null for a classifier.</summary>
    public RegressionMetrics? Regression { get; init; }

    /// <summary>Of the natural labels: how many followed a programmatic label for the same prediction, and so judge it.</summary>
    public long ProgrammaticLabelsJudged { get; init; }

    /// <summary>Of the natural labels: the share of the programmatic labels they judged that were right (Snorkel's
    /// empirical accuracy of the labeling functions, taken together); null when none was judged.</summary>
    public double? ProgrammaticLabelAccuracy { get; init; }

    /// <summary>Of the hand labels of a sampled queue: the accuracy with each requested label weighted by 1/π, its
    /// inclusion probability (the Hájek estimator), which estimates the accuracy over all the traffic rather than over the
    /// predictions the sampler favoured; null when no label was weighted.</summary>
    public double? WeightedAccuracy { get; init; }

    /// <summary>Kish's effective number of labels behind <see cref="WeightedAccuracy"/>, (Σw)² / Σw².</summary>
    public double? EffectiveLabels { get; init; }
}
