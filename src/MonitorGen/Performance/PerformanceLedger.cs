using System;
using System.Collections.Generic;
using System.Threading;
using MonitorGen.Labels;

namespace MonitorGen.Performance;

/// <summary>
/// Realized performance per window and label source: the open window and the latest closed ones, and a cumulative total
/// per source. A label is added to the window its prediction was observed in (event time); a prediction from a window no
/// longer kept counts in the cumulative figures only.
/// </summary>
/// <remarks>Labels arrive off the hot path, so a lock guards the ledger; the figures of a source exist from its first label.</remarks>
internal sealed class PerformanceLedger
{
    private static readonly int Sources = Enum.GetValues<LabelSource>().Length;

    private readonly Lock _lock = new();
    private readonly int _classCapacity;
    private readonly int _windowScores;
    private readonly int _cumulativeScores;
    private readonly int _history;
    private readonly LinkedList<LedgerWindow> _windows = new();
    private readonly WindowPerformance?[] _cumulative = new WindowPerformance?[Sources];

    /// <param name="classCapacity">The classes of a classifier; 0 for a regressor.</param>
    /// <param name="binaryScored">Whether a binary classifier declares a score, whose log loss and ROC AUC need every score.</param>
    /// <param name="history">How many closed windows are kept.</param>
    /// <param name="openedAt">When the first window opened.</param>
    public PerformanceLedger(int classCapacity, bool binaryScored, int history, DateTimeOffset openedAt)
    {
        _classCapacity = classCapacity;
        _windowScores = binaryScored ? 4096 : 0;
        _cumulativeScores = binaryScored ? 65536 : 0;
        _history = history;
        _windows.AddLast(new LedgerWindow(0, openedAt));
    }

    /// <summary>
    /// Starts again from a store: <paramref name="closed"/> (oldest first, the latest kept) and an open window numbered
    /// <paramref name="openWindow"/>, before any label of this process is added.
    /// </summary>
    public void Restore(IReadOnlyList<(long Window, long OpenedTicks, long ClosedTicks, long Predictions)> closed, long openWindow)
    {
        lock (_lock)
        {
            DateTimeOffset openedAt = _windows.Last!.Value.OpenedAt;
            _windows.Clear();
            foreach ((long window, long opened, long closedTicks, long predictions) in closed)
            {
                _windows.AddLast(new LedgerWindow(window, new DateTimeOffset(opened, TimeSpan.Zero))
                {
                    ClosedAt = new DateTimeOffset(closedTicks, TimeSpan.Zero),
                    Predictions = predictions,
                });
            }

            while (_windows.Count > _history)
            {
                _windows.RemoveFirst();
            }

            _windows.AddLast(new LedgerWindow(openWindow, openedAt));
        }
    }

    /// <summary>The open window's sequence number.</summary>
    public long OpenWindow
    {
        get
        {
            lock (_lock)
            {
                return _windows.Last!.Value.Window;
            }
        }
    }

    /// <summary>Adds a label from <paramref name="source"/> to its prediction's window and to the cumulative figures; a
    /// natural label also judges the programmatic label that came before it, if any.</summary>
    public void Add(LabelSource source, in PendingPrediction prediction, int actualCode, double actualValue, double delaySeconds, double weight = 1)
    {
        lock (_lock)
        {
            for (LinkedListNode<LedgerWindow>? node = _windows.Last; node is not null; node = node.Previous)
            {
                if (node.Value.Window == prediction.Window)
                {
                    (node.Value.BySource[(int)source] ??= new WindowPerformance(_classCapacity, _windowScores))
                        .Add(prediction, actualCode, actualValue, delaySeconds, weight);
                    break;
                }
            }

            (_cumulative[(int)source] ??= new WindowPerformance(_classCapacity, _cumulativeScores))
                .Add(prediction, actualCode, actualValue, delaySeconds, weight);
        }
    }

    /// <summary>Closes the open window, which saw <paramref name="predictions"/> rows, and opens the next.</summary>
    /// <returns>The new open window's sequence number.</returns>
    public long Close(DateTimeOffset closedAt, long predictions)
    {
        lock (_lock)
        {
            LedgerWindow open = _windows.Last!.Value;
            open.ClosedAt = closedAt;
            open.Predictions = predictions;
            _windows.AddLast(new LedgerWindow(open.Window + 1, closedAt));
            while (_windows.Count > _history + 1)
            {
                _windows.RemoveFirst();
            }

            return open.Window + 1;
        }
    }

    /// <summary>The figures of <paramref name="source"/>: cumulative over <paramref name="predictions"/> rows, and per window, oldest first.</summary>
    public (PerformanceWindow Cumulative, PerformanceWindow[] Windows) Snapshot(LabelSource source, long predictions, IReadOnlyList<string> classes)
    {
        lock (_lock)
        {
            var windows = new PerformanceWindow[_windows.Count];
            int i = 0;
            foreach (LedgerWindow window in _windows)
            {
                windows[i++] = (window.BySource[(int)source] ?? new WindowPerformance(_classCapacity, 0))
                    .Snapshot(window.Window, window.OpenedAt, window.ClosedAt, window.Predictions, classes);
            }

            PerformanceWindow cumulative = (_cumulative[(int)source] ?? new WindowPerformance(_classCapacity, 0))
                .Snapshot(-1, null, null, predictions, classes);
            return (cumulative, windows);
        }
    }

    /// <summary>Judges the newest closed window with a natural label against <paramref name="reference"/>; null without one.</summary>
    public (long Window, long Labels, PerformanceStatus Status, double Value)? JudgeLatest(double reference, double margin, double? unhealthyLimit, double alpha)
    {
        lock (_lock)
        {
            for (LinkedListNode<LedgerWindow>? node = _windows.Last; node is not null; node = node.Previous)
            {
                if (node.Value.ClosedAt is not null && node.Value.BySource[(int)LabelSource.Natural] is { Labels: > 0 } performance)
                {
                    (PerformanceStatus status, double value) = performance.Judge(reference, margin, unhealthyLimit, alpha);
                    return (node.Value.Window, performance.Labels, status, value);
                }
            }

            return null;
        }
    }

    /// <summary>The labelled window that a health check or a gauge judges: the newest closed window with a label from
    /// <paramref name="source"/>, or null.</summary>
    public PerformanceWindow? LatestLabelled(LabelSource source, IReadOnlyList<string> classes)
    {
        lock (_lock)
        {
            for (LinkedListNode<LedgerWindow>? node = _windows.Last; node is not null; node = node.Previous)
            {
                LedgerWindow window = node.Value;
                if (window.ClosedAt is not null && window.BySource[(int)source] is { Labels: > 0 } performance)
                {
                    return performance.Snapshot(window.Window, window.OpenedAt, window.ClosedAt, window.Predictions, classes);
                }
            }

            return null;
        }
    }

    /// <summary>Labels from <paramref name="source"/> over predictions in the newest closed window; null before the
    /// first window closes or when it had no rows.</summary>
    public double? LatestCompleteness(LabelSource source)
    {
        lock (_lock)
        {
            LinkedListNode<LedgerWindow>? closed = _windows.Last!.Previous;
            return closed?.Value is { Predictions: > 0 } window
                ? Math.Min(1.0, (double)(window.BySource[(int)source]?.Labels ?? 0) / window.Predictions.Value)
                : null;
        }
    }

    private sealed class LedgerWindow(long window, DateTimeOffset openedAt)
    {
        public long Window { get; } = window;

        public DateTimeOffset OpenedAt { get; } = openedAt;

        public DateTimeOffset? ClosedAt { get; set; }

        public long? Predictions { get; set; }

        public WindowPerformance?[] BySource { get; } = new WindowPerformance?[Sources];
    }
}
