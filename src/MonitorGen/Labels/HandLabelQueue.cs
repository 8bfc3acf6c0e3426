using System;
using System.Collections.Generic;
using System.Threading;

namespace MonitorGen.Labels;

/// <summary>
/// The hand-label requests of one monitor: when a window closes, each of its predictions still without a hand label is
/// offered to the sampler (off the hot path, in the drift check), and the chosen ones wait here, each with its inclusion
/// probability, until a hand label arrives for it and is weighted by its inverse.
/// </summary>
/// <remarks>At most <see cref="Capacity"/> requests are kept; an older one is dropped, and a hand label that comes for
/// it later counts with weight 1, as a label nobody asked for does.</remarks>
internal sealed class HandLabelQueue
{
    /// <summary>The most requests kept.</summary>
    public const int Capacity = 10_000;

    private readonly Lock _lock = new();
    private readonly MonitorOptions _options;
    private readonly Queue<LabelRequest> _requests = new();
    private readonly Dictionary<string, double> _probabilities = new(StringComparer.Ordinal);
    private LabelRequestSampler? _sampler;

    public HandLabelQueue(MonitorOptions options) => _options = options;

    /// <summary>The requests still waiting for their hand label, oldest first.</summary>
    public LabelRequest[] Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. System.Linq.Enumerable.Where(_requests, r => _probabilities.ContainsKey(r.PredictionId))];
            }
        }
    }

    /// <summary>Offers the predictions of a window that just closed, with <paramref name="rows"/> rows over
    /// [<paramref name="openedAt"/>, <paramref name="closedAt"/>).</summary>
    public void OfferWindow(LabelJoin labels, long window, DateTimeOffset openedAt, DateTimeOffset closedAt, long rows)
    {
        if (rows <= 0)
        {
            return;
        }

        lock (_lock)
        {
            // The first period has seen nothing: its volume is this window's rate over the period.
            double seconds = (closedAt - openedAt).TotalSeconds;
            double expected = seconds > 0 ? rows * _options.HandLabelPeriod.TotalSeconds / seconds : rows;
            _sampler ??= new LabelRequestSampler(_options.HandLabelBudget, _options.HandLabelPeriod, _options.HandLabelStrategy,
                Math.Max(1, expected), openedAt, unchecked((int)_options.Seed));
            IReadOnlyList<string> classes = labels.Classes!.Names;
            labels.Table.VisitUnlabelled(window, LabelSource.Hand, (id, prediction) =>
            {
                string predicted = (uint)prediction.Code < (uint)classes.Count ? classes[prediction.Code] : prediction.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (_sampler.Offer(id, static id => id.ToString(), predicted, prediction.Score, new DateTimeOffset(prediction.TimestampTicks, TimeSpan.Zero)) is { } request)
                {
                    Add(request);
                }
            });
        }
    }

    /// <summary>The weight of a hand label for <paramref name="predictionId"/>: 1/π if it was requested, else 1.</summary>
    public double TakeWeight(string predictionId)
    {
        lock (_lock)
        {
            return _probabilities.Remove(predictionId, out double pi) ? 1 / pi : 1;
        }
    }

    private void Add(LabelRequest request)
    {
        if (_requests.Count == Capacity)
        {
            _probabilities.Remove(_requests.Dequeue().PredictionId);
        }

        _requests.Enqueue(request);
        _probabilities[request.PredictionId] = request.InclusionProbability;
    }
}
