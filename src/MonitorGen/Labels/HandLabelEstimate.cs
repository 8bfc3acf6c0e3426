using System;
using System.Collections.Generic;

namespace MonitorGen.Labels;

/// <summary>
/// Accuracy from hand labels, weighted back to the whole traffic: each label counts 1/π, π being the probability the
/// sampler gave its prediction (the Hájek estimator, Σ correct/π ÷ Σ 1/π). Without the weights, a sampler that asks
/// for the model's doubts first measures the doubts, not the model.
/// </summary>
internal static class HandLabelEstimate
{
    /// <summary>The weighted accuracy and Kish's effective sample size, (Σw)² / Σw²; NaN and 0 without labels.</summary>
    public static (double Accuracy, double EffectiveCount) Accuracy(IEnumerable<(bool Correct, double InclusionProbability)> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        double weights = 0, correct = 0, squares = 0;
        foreach ((bool isCorrect, double pi) in labels)
        {
            if (!(pi > 0 && pi <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(labels), pi, "An inclusion probability is in (0, 1].");
            }

            double w = 1 / pi;
            weights += w;
            squares += w * w;
            correct += isCorrect ? w : 0;
        }

        return weights == 0 ? (double.NaN, 0) : (correct / weights, weights * weights / squares);
    }
}
