using System;
using MonitorGen.Monitoring;
using MonitorGen.Sketches;
using MonitorGen.State;

namespace MonitorGen.Windows;

/// <summary>
/// One feature's windows off the hot path: merges the threads' closed shards into the window to test, keeps the sliding
/// ring when there is one, and recycles what was tested, so that closing allocates nothing once the ring is full.
/// </summary>
/// <typeparam name="TWindow">The feature's window sketch.</typeparam>
internal sealed class FeatureWindows<TWindow>
    where TWindow : class, IMergeableWindow<TWindow>
{
    private readonly Func<int, TWindow> _create;
    private readonly Func<WindowShard, TWindow> _select;
    private readonly Action<TWindow>? _closing;
    private readonly WindowRing<TWindow>? _ring;
    private readonly TWindow? _view;
    private TWindow _closed;

    /// <param name="subWindows">1 for tumbling windows; K for a sliding ring of K sub-windows.</param>
    /// <param name="create">Creates an empty window; the argument numbers it, for its sampling seed.</param>
    /// <param name="select">The feature's window in a thread's shard.</param>
    /// <param name="closing">Sees each closed (sub-)window once, merged, before it is tested or joins the ring.</param>
    public FeatureWindows(int subWindows, Func<int, TWindow> create, Func<WindowShard, TWindow> select, Action<TWindow>? closing = null)
    {
        _create = create;
        _select = select;
        _closing = closing;
        _closed = create(0);
        if (subWindows > 1)
        {
            _ring = new WindowRing<TWindow>(subWindows);
            _view = create(0);
        }
    }

    /// <summary>The open window merged across the pool's slots, each read while holding it: a consistent copy.</summary>
    public TWindow Snapshot(ShardPool shards, TimeSpan wait)
    {
        TWindow snapshot = _create(0);
        shards.VisitOpen(wait, windows => snapshot.Merge(_select(windows)));
        return snapshot;
    }

    /// <summary>
    /// Merges the threads' closed windows and returns what to test: the merge, or for a sliding window the merge of the
    /// ring it joins. Hand the result back with <see cref="Recycle"/> after testing it.
    /// </summary>
    public TWindow Close(WindowShard[] closedShards)
    {
        TWindow closed = _closed;
        foreach (WindowShard shard in closedShards)
        {
            closed.Merge(_select(shard));
        }

        _closing?.Invoke(closed);
        if (_ring is null)
        {
            return closed;
        }

        // The ring keeps the closed sub-window; the one it evicts (or, while it fills, a new one) is merged into next.
        TWindow? evicted = _ring.Push(closed);
        evicted?.Reset();
        _closed = evicted ?? _create(_ring.Filled);
        _ring.MergeInto(_view!);
        return _view!;
    }

    /// <summary>Merges the threads' drained shards into the window the next close merges into, without closing the window, and returns the
    /// feature's windows as saved: the pending one, and the ring's sub-windows oldest first.</summary>
    public FeatureWindowState Capture(string name, WindowShard[] drainedShards, Func<TWindow, WindowState> save)
    {
        foreach (WindowShard shard in drainedShards)
        {
            _closed.Merge(_select(shard));
        }

        return new FeatureWindowState
        {
            Name = name,
            Open = save(_closed),
            Ring = Array.ConvertAll(_ring?.OldestFirst() ?? Array.Empty<TWindow>(), w => save(w)),
        };
    }

    /// <summary>Carries a saved state over: its open window into the window the next close merges into, its ring sub-windows into the ring.</summary>
    public void Restore(FeatureWindowState state, Func<WindowState, TWindow> load)
    {
        _closed.Merge(load(state.Open));
        if (_ring is null)
        {
            return;
        }

        foreach (WindowState closed in state.Ring)
        {
            _ring.Push(load(closed))?.Reset();
        }

        _ring.MergeInto(_view!);
    }

    /// <summary>Takes back the window <see cref="Close"/> returned, once tested.</summary>
    public void Recycle(TWindow tested)
    {
        if (_ring is null)
        {
            tested.Reset();
            _closed = tested;
        }
    }
}
