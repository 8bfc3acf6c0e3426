using System;
using System.Collections.Generic;
using System.Linq;
using MonitorGen.Labels;

namespace MonitorGen.Performance;

/// <summary>
/// The labelled predictions of one window (or of all windows) from one label source, in bounded memory: a confusion
/// matrix, a regression's running sums, and a binary classifier's scores up to a capacity.
/// </summary>
internal sealed class WindowPerformance
{
    private readonly ConfusionMatrix? _confusion;
    private readonly RegressionAccumulator? _regression;
    private readonly BinaryScores? _scores;
    private double _delaySeconds;
    private long _programmaticCompared;
    private long _programmaticCorrect;
    private double _weights, _weightedCorrect, _squaredWeights;
    private bool _weighted;

    /// <param name="classCapacity">The classes of a classifier; 0 for a regressor.</param>
    /// <param name="scoreCapacity">The scores a binary classifier with a declared score keeps; 0 for none.</param>
    public WindowPerformance(int classCapacity, int scoreCapacity)
    {
        if (classCapacity > 0)
        {
            _confusion = new ConfusionMatrix(classCapacity);
            _scores = scoreCapacity > 0 ? new BinaryScores(scoreCapacity) : null;
        }
        else
        {
            _regression = new RegressionAccumulator();
        }
    }

    /// <summary>How many labels were added.</summary>
    public long Labels { get; private set; }

    /// <summary>Adds a prediction and its label, which arrived <paramref name="delaySeconds"/> after it; a requested hand
    /// label weighs 1/π in the weighted accuracy.</summary>
    public void Add(in PendingPrediction prediction, int actualCode, double actualValue, double delaySeconds, double weight = 1)
    {
        _weighted |= weight != 1;
        _weights += weight;
        _squaredWeights += weight * weight;
        _weightedCorrect += prediction.Code == actualCode ? weight : 0;
        if (_confusion is not null)
        {
            _confusion.Add(actualCode, prediction.Code);
            if (_scores is not null && !float.IsNaN(prediction.Score))
            {
                // The score is the predicted class's: the positive class (code 1) has it, or its complement.
                double positive = prediction.Code == 1 ? prediction.Score : 1 - prediction.Score;
                _scores.Add(positive, actualCode == 1);
            }
        }
        else
        {
            _regression!.Add(prediction.Value, actualValue);
        }

        Labels++;
        _delaySeconds += delaySeconds;
        if (prediction.ProgrammaticCode >= 0)
        {
            // A natural label for a prediction that a programmatic label came first for: the latter's own accuracy.
            _programmaticCompared++;
            _programmaticCorrect += prediction.ProgrammaticCode == actualCode ? 1 : 0;
        }
    }

    /// <summary>
    /// Judges these labels against the reference figure: a classifier's accuracy by its exact one-sided bound, a
    /// regressor's mean absolute error by Student's (<see cref="PerformanceDecision"/>).
    /// </summary>
    /// <returns>The status, and the window's figure (NaN without labels).</returns>
    public (PerformanceStatus Status, double Value) Judge(double reference, double margin, double? unhealthyLimit, double alpha)
    {
        if (_confusion is not null)
        {
            double accuracy = _confusion.Count == 0 ? double.NaN : (double)_confusion.Correct / _confusion.Count;
            return (PerformanceDecision.Accuracy(_confusion.Correct, _confusion.Count, reference, margin, unhealthyLimit ?? double.NegativeInfinity, alpha), accuracy);
        }

        RegressionMetrics metrics = _regression!.Metrics();
        return (PerformanceDecision.MeanError(metrics.Count, metrics.MeanAbsoluteError, _regression.AbsoluteErrorDeviation, reference, margin,
            unhealthyLimit ?? double.PositiveInfinity, alpha), metrics.MeanAbsoluteError);
    }

    /// <summary>The figures so far, with class names for the per-class rows and the matrix.</summary>
    public PerformanceWindow Snapshot(long window, DateTimeOffset? openedAt, DateTimeOffset? closedAt, long? predictions, IReadOnlyList<string> classes)
    {
        ClassificationMetrics? classification = null;
        long[][]? matrix = null;
        if (_confusion is not null)
        {
            ClassificationMetrics metrics = _confusion.Metrics();
            classification = metrics with
            {
                PerClass = metrics.PerClass.Select(c => c with { Name = c.Class < classes.Count ? classes[c.Class] : c.Class.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToArray(),
            };
            int k = Math.Min(classes.Count, _confusion.ClassCount);
            matrix = new long[k][];
            for (int actual = 0; actual < k; actual++)
            {
                matrix[actual] = new long[k];
                for (int predicted = 0; predicted < k; predicted++)
                {
                    matrix[actual][predicted] = _confusion[actual, predicted];
                }
            }
        }

        bool scored = _scores is { Count: > 0 };
        return new PerformanceWindow
        {
            Window = window,
            OpenedAt = openedAt,
            ClosedAt = closedAt,
            Predictions = predictions,
            Labels = Labels,
            Completeness = predictions is > 0 ? Math.Min(1.0, (double)Labels / predictions.Value) : null,
            MeanLabelDelaySeconds = Labels > 0 ? _delaySeconds / Labels : null,
            Classification = classification,
            ConfusionMatrix = matrix,
            LogLoss = scored ? _scores!.LogLoss() : null,
            RocAuc = scored && _scores!.RocAuc() is var auc && !double.IsNaN(auc) ? auc : null,
            Regression = _regression?.Metrics(),
            // The Hájek estimate of HandLabelEstimate, from running sums: Σ w·correct / Σ w, and Kish's (Σ w)² / Σ w².
            WeightedAccuracy = _weighted && _confusion is not null ? _weightedCorrect / _weights : null,
            EffectiveLabels = _weighted && _confusion is not null ? _weights * _weights / _squaredWeights : null,
            ProgrammaticLabelsJudged = _programmaticCompared,
            ProgrammaticLabelAccuracy = _programmaticCompared > 0 ? (double)_programmaticCorrect / _programmaticCompared : null,
        };
    }
}
