using System;
using MonitorGen.Sketches;

namespace MonitorGen.Windows;

/// <summary>The last K closed sub-windows of a sliding window; the sliding view is their merge.</summary>
/// <typeparam name="TWindow">The window sketch.</typeparam>
/// <remarks>Used by the checker only (under its lock), never by the hot path, so it needs no synchronisation.</remarks>
internal sealed class WindowRing<TWindow>
    where TWindow : class, IMergeableWindow<TWindow>
{
    private readonly TWindow?[] _slots;
    private int _next;

    /// <summary>Creates an empty ring of <paramref name="capacity"/> sub-windows.</summary>
    public WindowRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _slots = new TWindow?[capacity];
    }

    /// <summary>K, the number of sub-windows the view spans.</summary>
    public int Capacity => _slots.Length;

    /// <summary>How many sub-windows the ring holds: K once it has filled.</summary>
    public int Filled { get; private set; }

    /// <summary>Adds a closed sub-window and returns the one it evicts (for reuse), or null while the ring fills.</summary>
    public TWindow? Push(TWindow closed)
    {
        ArgumentNullException.ThrowIfNull(closed);
        TWindow? evicted = _slots[_next];
        _slots[_next] = closed;
        _next = (_next + 1) % _slots.Length;
        Filled = Math.Min(Filled + 1, _slots.Length);
        return evicted;
    }

    // The closed sub-windows, oldest first, for a saved window state.
    internal TWindow[] OldestFirst()
    {
        var windows = new System.Collections.Generic.List<TWindow>(Filled);
        for (int i = 0; i < _slots.Length; i++)
        {
            if (_slots[(_next + i) % _slots.Length] is { } window)
            {
                windows.Add(window);
            }
        }

        return windows.ToArray();
    }

    /// <summary>Empties <paramref name="view"/> and merges the held sub-windows into it, oldest first.</summary>
    public void MergeInto(TWindow view)
    {
        ArgumentNullException.ThrowIfNull(view);
        view.Reset();
        for (int i = 0; i < _slots.Length; i++)
        {
            // Oldest first: start at the slot the next push would overwrite.
            TWindow? window = _slots[(_next + i) % _slots.Length];
            if (window is not null)
            {
                view.Merge(window);
            }
        }
    }
}
