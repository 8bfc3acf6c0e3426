using System;
using System.Collections.Generic;
using System.Threading;
using MonitorGen.Telemetry;

namespace MonitorGen.Labels;

/// <summary>
/// Runs a classifier monitor's labeling functions off the hot path: a row whose prediction is stored is queued in its
/// observation slot's ring (the row, or a copy of it, and its id; no allocation), and a run, every second, at each drift
/// check and before each report, votes on the queued rows, counts the votes with Snorkel's definitions, and records the
/// majority vote as the prediction's programmatic label. A natural or hand label that follows judges the votes.
/// </summary>
/// <typeparam name="TRow">The monitored type.</typeparam>
/// <remarks>
/// A function that throws abstains, and the failure is counted on <c>monitorgen.self.errors</c>. A vote that is not a
/// class of the prediction abstains too. The votes wait for their gold label as long as the pending table holds their
/// prediction (<see cref="MonitorOptions.LabelCapacity"/> rows, oldest out first). The queue keeps the last rows it held
/// until they are overwritten.
/// </remarks>
internal sealed class LabelingFunctionRunner<TRow> : ILabelingFunctions, IDisposable
{
    private const int QueuePerSlot = 8192;
    private static readonly TimeSpan RunInterval = TimeSpan.FromSeconds(1);

    private readonly LabelJoin _labels;
    private readonly string _model;
    private readonly List<(string Name, Func<TRow, int> Vote)> _functions = [];
    private readonly Lock _lock = new();
    private readonly SlotQueue[] _queues;
    private readonly Dictionary<long, int[]> _votes = [];
    private readonly Queue<long> _voteOrder = new();
    private readonly int _voteCapacity;
    private LabelingFunctionStatistics? _statistics;
    private WeakTimer<LabelingFunctionRunner<TRow>>? _timer;
    private long _skipped;

    public LabelingFunctionRunner(LabelJoin labels, int slots, int voteCapacity, string model)
    {
        _labels = labels;
        _model = model;
        _voteCapacity = voteCapacity;
        _queues = new SlotQueue[slots];
        for (int i = 0; i < slots; i++)
        {
            _queues[i] = new SlotQueue();
        }
    }

    /// <summary>Whether a function was added, so that the hot path queues rows.</summary>
    public bool IsActive => Volatile.Read(ref _statistics) is not null;

    /// <summary>Adds a function that gives a row's class code, or <see cref="LabelingFunctionStatistics.Abstain"/>; the
    /// monitor adds them before its first row, so that the figures count every row.</summary>
    public void Add(string name, Func<TRow, int> vote)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(vote);
        lock (_lock)
        {
            foreach ((string existing, _) in _functions)
            {
                if (string.Equals(existing, name, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"A labeling function named '{name}' was added already.", nameof(name));
                }
            }

            _functions.Add((name, vote));
            Volatile.Write(ref _statistics, new LabelingFunctionStatistics(_functions.ConvertAll(f => f.Name)));
            _timer ??= new WeakTimer<LabelingFunctionRunner<TRow>>(this, static runner => runner.RunContained(), RunInterval);
        }
    }

    /// <summary>Queues a row whose prediction was stored as <paramref name="predictionId"/>. Single writer per slot: the row's holder.</summary>
    public void Enqueue(int slot, in TRow row, long predictionId)
    {
        SlotQueue queue = _queues[slot];
        long next = queue.Next;
        int i = (int)(next & (QueuePerSlot - 1));
        queue.Rows[i] = row;
        queue.Ids[i] = predictionId;
        Volatile.Write(ref queue.Next, next + 1);
    }

    public void Run()
    {
        lock (_lock)
        {
            RunLocked();
        }
    }

    private void RunLocked()
    {
        if (_statistics is not { } statistics)
        {
            return;
        }

        foreach (SlotQueue queue in _queues)
        {
            long next = Volatile.Read(ref queue.Next);
            long from = Math.Max(queue.Drained, next - QueuePerSlot);
            _skipped += from - queue.Drained;
            for (long sequence = from; sequence < next; sequence++)
            {
                int i = (int)(sequence & (QueuePerSlot - 1));
                TRow row = queue.Rows[i];
                long id = queue.Ids[i];
                // The writer may be rewriting this place for the row QueuePerSlot later: then it is skipped.
                if (Volatile.Read(ref queue.Next) >= sequence + QueuePerSlot)
                {
                    _skipped++;
                    continue;
                }

                Vote(statistics, row, id);
            }

            queue.Drained = next;
        }
    }

    private void Vote(LabelingFunctionStatistics statistics, in TRow row, long id)
    {
        var votes = new int[_functions.Count];
        for (int j = 0; j < votes.Length; j++)
        {
            votes[j] = VoteOf(_functions[j].Vote, row);
        }

        statistics.Add(votes);
        if (_votes.TryAdd(id, votes))
        {
            _voteOrder.Enqueue(id);
            while (_voteOrder.Count > _voteCapacity)
            {
                _votes.Remove(_voteOrder.Dequeue());
            }
        }

        if (Majority(votes) is int code and >= 0)
        {
            _labels.RecordById(id, LabelSource.Programmatic, code);
        }
    }

    private int VoteOf(Func<TRow, int> function, in TRow row)
    {
        try
        {
            int code = function(row);
            return _labels.Classes!.IsClass(code) ? code : LabelingFunctionStatistics.Abstain;
        }
#pragma warning disable CA1031 // A user's labeling function that throws abstains, counted: it never stops the others or the host.
        catch (Exception)
#pragma warning restore CA1031
        {
            MonitorGenDiagnostics.CountSelfError(SelfErrorSources.LabelingFunction, _model);
            return LabelingFunctionStatistics.Abstain;
        }
    }

    // The class most functions gave, or abstain when none did or two classes tie: a tie is no evidence either way.
    private static int? Majority(int[] votes)
    {
        int best = LabelingFunctionStatistics.Abstain, bestCount = 0;
        bool tie = false;
        foreach (int vote in votes)
        {
            if (vote == LabelingFunctionStatistics.Abstain)
            {
                continue;
            }

            int count = 0;
            foreach (int other in votes)
            {
                count += other == vote ? 1 : 0;
            }

            if (count > bestCount)
            {
                (best, bestCount, tie) = (vote, count, false);
            }
            else if (count == bestCount && vote != best)
            {
                tie = true;
            }
        }

        return tie ? null : best;
    }

    public void Judge(long predictionId, int gold)
    {
        lock (_lock)
        {
            // A label may come before the functions' run: run them first. The first gold label judges; a hand label
            // after a natural one (or the reverse) is not counted twice.
            if (!_votes.ContainsKey(predictionId))
            {
                RunLocked();
            }

            if (_statistics is { } statistics && _votes.Remove(predictionId, out int[]? votes))
            {
                statistics.AddGold(votes, gold);
            }
        }
    }

    public LabelingFunctionReport Report(IReadOnlyList<string> classes)
    {
        Run();
        lock (_lock)
        {
            LabelingFunctionStatistics statistics = _statistics!;
            var functions = new LabelingFunctionSummary[_functions.Count];
            for (int j = 0; j < functions.Length; j++)
            {
                IReadOnlyList<int> polarity = statistics.Polarity(j);
                string[] names = new string[polarity.Count];
                for (int k = 0; k < names.Length; k++)
                {
                    names[k] = polarity[k] < classes.Count ? classes[polarity[k]] : polarity[k].ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                functions[j] = new LabelingFunctionSummary(_functions[j].Name, names, statistics.Coverage(j), statistics.Overlaps(j),
                    statistics.Conflicts(j), statistics.Correct(j), statistics.Incorrect(j), statistics.EmpiricalAccuracy(j));
            }

            return new LabelingFunctionReport(statistics.Rows, statistics.LabelCoverage, statistics.LabelOverlap, statistics.LabelConflict, _skipped, functions);
        }
    }

    private void RunContained() => MonitorGenDiagnostics.Contain(this, static runner => runner.Run(), SelfErrorSources.LabelingFunction, _model);

    public void Dispose() => _timer?.Dispose();

    private sealed class SlotQueue
    {
        public readonly TRow[] Rows = new TRow[QueuePerSlot];
        public readonly long[] Ids = new long[QueuePerSlot];
        public long Next;
        public long Drained;
    }
}
