using System;
using System.Buffers;

namespace MonitorGen.Performance;

/// <summary>
/// The positive-class scores of labelled predictions of a binary classifier, for the figures that need every score:
/// ROC AUC and log loss. Held up to a fixed capacity (the window's), beyond which a score is counted as dropped.
/// </summary>
internal sealed class BinaryScores
{
    // scikit-learn clips probabilities to [eps, 1 - eps] before taking logs. The reference this is checked against,
    // Debian's scikit-learn 1.2.1, has eps = 1e-15; from 1.3 on the default is the float64 machine epsilon.
    private const double Epsilon = 1e-15;

    private readonly double[] _scores;
    private readonly bool[] _positive;

    public BinaryScores(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _scores = new double[capacity];
        _positive = new bool[capacity];
    }

    /// <summary>How many scores are held.</summary>
    public int Count { get; private set; }

    /// <summary>How many were not held because the capacity was reached.</summary>
    public long Dropped { get; private set; }

    /// <summary>Adds the score of the positive class for a row whose actual class is <paramref name="positive"/> or not.</summary>
    /// <returns>False when the score is not a probability in [0, 1] (NaN included) or the capacity is reached.</returns>
    public bool Add(double score, bool positive)
    {
        if (!(score >= 0 && score <= 1))
        {
            return false;
        }

        if (Count == _scores.Length)
        {
            Dropped++;
            return false;
        }

        _scores[Count] = score;
        _positive[Count] = positive;
        Count++;
        return true;
    }

    /// <summary>
    /// The area under the ROC curve, as scikit-learn's <c>roc_auc_score</c>: the probability that a positive row scores
    /// above a negative one, ties counting one half (the Mann–Whitney statistic over n₁·n₀). NaN when one class is absent.
    /// </summary>
    public double RocAuc()
    {
        int n = Count;
        // The scores sorted with their classes beside them, in pooled copies: the key-item sort compares the doubles
        // directly, where an index array sorted through a comparison delegate took 15 % longer and its own allocation.
        double[] scoreBuffer = ArrayPool<double>.Shared.Rent(n);
        bool[] positiveBuffer = ArrayPool<bool>.Shared.Rent(n);
        Span<double> scores = scoreBuffer.AsSpan(0, n);
        Span<bool> positive = positiveBuffer.AsSpan(0, n);
        _scores.AsSpan(0, n).CopyTo(scores);
        _positive.AsSpan(0, n).CopyTo(positive);
        scores.Sort(positive);
        double positiveRankSum = 0;
        long positives = 0;
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end + 1 < n && scores[end + 1] == scores[start])
            {
                end++;
            }

            // Ranks start + 1 … end + 1 share their mean.
            double midRank = ((start + end) / 2.0) + 1;
            for (int i = start; i <= end; i++)
            {
                if (positive[i])
                {
                    positiveRankSum += midRank;
                    positives++;
                }
            }

            start = end + 1;
        }

        ArrayPool<double>.Shared.Return(scoreBuffer);
        ArrayPool<bool>.Shared.Return(positiveBuffer);
        long negatives = n - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        return (positiveRankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>The mean negative log-likelihood of the actual classes, as scikit-learn's <c>log_loss</c>; NaN without scores.</summary>
    public double LogLoss()
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        double[] buffer = ArrayPool<double>.Shared.Rent(Count);
        Span<double> terms = buffer.AsSpan(0, Count);
        for (int i = 0; i < terms.Length; i++)
        {
            double p = Math.Clamp(_scores[i], Epsilon, 1 - Epsilon);
            terms[i] = -Math.Log(_positive[i] ? p : 1 - p);
        }

        double sum = Statistics.PairwiseSum.Sum(terms);
        ArrayPool<double>.Shared.Return(buffer);
        return sum / Count;
    }

    /// <summary>Forgets every score (a window that closed).</summary>
    public void Clear()
    {
        Count = 0;
        Dropped = 0;
    }
}
