using System;
using System.Collections.Generic;
using System.Threading;

namespace MonitorGen.Labels;

/// <summary>
/// Chooses which predictions to ask a person to label, within a budget of labels per period, and records the probability
/// it gave each one, so that metrics from hand labels can be weighted back to the whole traffic
/// (<see cref="HandLabelEstimate"/>).
/// </summary>
/// <remarks>
/// Each prediction is drawn on its own (Poisson sampling) with probability π, set from the previous period's traffic so
/// that the expected requests per period are the budget: uniform π = B / N; stratified π = (B / K) / N_class over the K
/// classes seen; low confidence first π = B·(1 − c) / Σ(1 − c). π is capped at 1, which can only spend less. The first
/// period has no previous one and uses the expected volume it is given. There is no hard cap: one would change the
/// probabilities after the fact, and the weights with them.
/// </remarks>
internal sealed class LabelRequestSampler
{
    private readonly double _budget;
    private readonly long _periodTicks;
    private readonly LabelSamplingStrategy _strategy;
    private readonly Lock _lock = new();
    private readonly Random _random;

    // The period being counted, and what the previous one saw (the first: the expected volume, spread evenly).
    private long _periodStart;
    private double _count, _doubt;
    private Dictionary<string, double> _classCounts = new(StringComparer.Ordinal);
    private double _previousCount, _previousDoubt;
    private Dictionary<string, double> _previousClassCounts = new(StringComparer.Ordinal);

    /// <param name="budget">Labels per period, more than 0.</param>
    /// <param name="period">The budget's period, such as an hour or a day.</param>
    /// <param name="strategy">How the budget is spent.</param>
    /// <param name="expectedVolume">Predictions expected in the first period, before one has been seen.</param>
    /// <param name="start">When the first period starts.</param>
    /// <param name="seed">The seed of the draws.</param>
    public LabelRequestSampler(double budget, TimeSpan period, LabelSamplingStrategy strategy, double expectedVolume, DateTimeOffset start, int seed)
    {
        if (!(budget > 0 && double.IsFinite(budget)))
        {
            throw new ArgumentOutOfRangeException(nameof(budget), budget, "The label budget is a finite number of labels per period, more than 0.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        if (!Enum.IsDefined(strategy))
        {
            throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Not a sampling strategy.");
        }

        if (!(expectedVolume > 0 && double.IsFinite(expectedVolume)))
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVolume), expectedVolume, "The expected volume is a finite number of predictions per period, more than 0.");
        }

        _budget = budget;
        _periodTicks = period.Ticks;
        _strategy = strategy;
        _periodStart = start.UtcTicks;
        _previousCount = expectedVolume;
        // With no traffic seen yet, confidence is taken as 0.5 on average and every class as equally likely.
        _previousDoubt = expectedVolume / 2;
        _random = new Random(seed);
    }

    /// <summary>Offers a prediction; returns the request when it is chosen, or null.</summary>
    /// <param name="predictionId">The prediction's id.</param>
    /// <param name="predicted">The predicted class, as text.</param>
    /// <param name="confidence">The predicted class's score, in [0, 1]; out of range or NaN is taken as 0.5.</param>
    /// <param name="at">When the prediction was made.</param>
    public LabelRequest? Offer(string predictionId, string predicted, double confidence, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(predictionId);
        return Offer(predictionId, static id => id, predicted, confidence, at);
    }

    /// <summary>Offers a prediction whose id is written out only when it is chosen; returns the request, or null.</summary>
    public LabelRequest? Offer<TId>(TId predictionId, Func<TId, string> text, string predicted, double confidence, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(predicted);
        double c = confidence is >= 0 and <= 1 ? confidence : 0.5;
        lock (_lock)
        {
            Roll(at.UtcTicks);
            _count++;
            _doubt += 1 - c;
            _classCounts[predicted] = _classCounts.GetValueOrDefault(predicted) + 1;
            double pi = Math.Min(1, Probability(predicted, c));
            return pi > 0 && _random.NextDouble() < pi ? new LabelRequest(text(predictionId), predicted, c, pi, at) : null;
        }
    }

    private double Probability(string predicted, double confidence)
    {
        switch (_strategy)
        {
            case LabelSamplingStrategy.Uniform:
                return _budget / _previousCount;
            case LabelSamplingStrategy.StratifiedByClass:
                int classes = Math.Max(_previousClassCounts.Count, 1);
                // A class the previous period did not see is as rare as can be: its share of the budget in full.
                double seen = _previousClassCounts.Count == 0 ? _previousCount : _previousClassCounts.GetValueOrDefault(predicted, 1);
                return _budget / classes / seen;
            default:
                return _previousDoubt > 0 ? _budget * (1 - confidence) / _previousDoubt : _budget / _previousCount;
        }
    }

    // Closes the periods that ended before `ticks`; an empty period leaves the previous estimates as they were.
    private void Roll(long ticks)
    {
        if (ticks - _periodStart < _periodTicks)
        {
            return;
        }

        if (_count > 0)
        {
            (_previousCount, _previousDoubt, _previousClassCounts) = (_count, _doubt, _classCounts);
            _classCounts = new Dictionary<string, double>(StringComparer.Ordinal);
        }

        _count = 0;
        _doubt = 0;
        _periodStart += (ticks - _periodStart) / _periodTicks * _periodTicks;
    }
}
