using System;
using System.Collections.Generic;

namespace MonitorGen.Performance;

/// <summary>
/// Counts of (actual, predicted) class codes: a fixed <c>k × k</c> array whatever the number of rows, from which every
/// label-based classification figure but the score-based ones follows exactly.
/// </summary>
internal sealed class ConfusionMatrix
{
    private readonly long[] _counts;

    /// <param name="classCount">The number of classes; codes run from 0 to <paramref name="classCount"/> − 1.</param>
    public ConfusionMatrix(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        ClassCount = classCount;
        _counts = new long[classCount * classCount];
    }

    public int ClassCount { get; }

    /// <summary>How many labelled predictions were added.</summary>
    public long Count { get; private set; }

    /// <summary>How many rows of class <paramref name="actual"/> were predicted <paramref name="predicted"/>.</summary>
    public long this[int actual, int predicted] => _counts[(actual * ClassCount) + predicted];

    /// <summary>How many labelled predictions were right: the diagonal.</summary>
    public long Correct
    {
        get
        {
            long correct = 0;
            for (int c = 0; c < ClassCount; c++)
            {
                correct += this[c, c];
            }

            return correct;
        }
    }

    /// <summary>Adds one labelled prediction.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A code is not a class.</exception>
    public void Add(int actual, int predicted)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(actual);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(actual, ClassCount);
        ArgumentOutOfRangeException.ThrowIfNegative(predicted);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(predicted, ClassCount);
        _counts[(actual * ClassCount) + predicted]++;
        Count++;
    }

    /// <summary>Adds every count of <paramref name="other"/> (windows into a cumulative total).</summary>
    public void Add(ConfusionMatrix other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.ClassCount != ClassCount)
        {
            throw new ArgumentException($"A matrix of {other.ClassCount} classes cannot be added to one of {ClassCount}.", nameof(other));
        }

        for (int i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
    }

    /// <summary>The figures of scikit-learn's <c>accuracy_score</c> and <c>precision_recall_fscore_support</c> (zero_division = 0).</summary>
    public ClassificationMetrics Metrics()
    {
        long correct = 0;
        var classes = new List<ClassMetrics>();
        for (int c = 0; c < ClassCount; c++)
        {
            correct += this[c, c];
            long support = 0, predicted = 0;
            for (int other = 0; other < ClassCount; other++)
            {
                support += this[c, other];
                predicted += this[other, c];
            }

            if (support == 0 && predicted == 0)
            {
                continue;
            }

            long truePositives = this[c, c];
            long falsePositives = predicted - truePositives;
            long falseNegatives = support - truePositives;
            classes.Add(new ClassMetrics(
                c,
                Ratio(truePositives, predicted),
                Ratio(truePositives, support),
                Ratio(2 * truePositives, (2 * truePositives) + falsePositives + falseNegatives),
                support));
        }

        double macroPrecision = 0, macroRecall = 0, macroF1 = 0, weightedPrecision = 0, weightedRecall = 0, weightedF1 = 0;
        foreach (ClassMetrics metrics in classes)
        {
            macroPrecision += metrics.Precision;
            macroRecall += metrics.Recall;
            macroF1 += metrics.F1;
            weightedPrecision += metrics.Precision * metrics.Support;
            weightedRecall += metrics.Recall * metrics.Support;
            weightedF1 += metrics.F1 * metrics.Support;
        }

        int k = classes.Count;
        return new ClassificationMetrics(
            Count,
            Count == 0 ? double.NaN : (double)correct / Count,
            ConfidenceIntervals.Wilson(correct, Count),
            classes,
            k == 0 ? double.NaN : macroPrecision / k,
            k == 0 ? double.NaN : macroRecall / k,
            k == 0 ? double.NaN : macroF1 / k,
            Count == 0 ? double.NaN : weightedPrecision / Count,
            Count == 0 ? double.NaN : weightedRecall / Count,
            Count == 0 ? double.NaN : weightedF1 / Count);
    }

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? 0.0 : (double)numerator / denominator;
}
