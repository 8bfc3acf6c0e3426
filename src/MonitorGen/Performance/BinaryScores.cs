using System;

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
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        double[] scores = _scores;
        Array.Sort(order, (a, b) => scores[a].CompareTo(scores[b]));
        double positiveRankSum = 0;
        long positives = 0;
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            // Ranks start + 1 … end + 1 share their mean.
            double midRank = ((start + end) / 2.0) + 1;
            for (int i = start; i <= end; i++)
            {
                if (_positive[order[i]])
                {
                    positiveRankSum += midRank;
                    positives++;
                }
            }

            start = end + 1;
        }

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

        var terms = new double[Count];
        for (int i = 0; i < Count; i++)
        {
            double p = Math.Clamp(_scores[i], Epsilon, 1 - Epsilon);
            terms[i] = -Math.Log(_positive[i] ? p : 1 - p);
        }

        return Statistics.PairwiseSum.Sum(terms) / Count;
    }

    /// <summary>Forgets every score (a window that closed).</summary>
    public void Clear()
    {
        Count = 0;
        Dropped = 0;
    }
}
