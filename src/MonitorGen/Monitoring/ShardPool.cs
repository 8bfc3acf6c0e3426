using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;

namespace MonitorGen.Monitoring;

/// <summary>
/// A monitor's fixed pool of window shards, one slot per processor: a row takes the slot of the processor it runs on,
/// writes every feature into that slot's windows with plain adds, and gives the slot back. A drift check takes each slot
/// in turn, swaps its windows for the spare, and gives it back.
/// </summary>
/// <remarks>
/// <para>Memory is bounded by the slot count (the processor count, at most <see cref="MaxSlots"/>), not by the threads
/// that ever observed: every slot's two window sets are created with the pool, and nothing outside the monitor refers to
/// them, so they go with the monitor. A check's cost depends on the slot count alone.</para>
/// <para>Each slot is a lock taken with one <see cref="Interlocked.CompareExchange(ref int, int, int)"/> and released
/// with <see cref="Volatile.Write(ref int, int)"/>: the interlocked operation is a full fence and the volatile store a
/// release, so whatever a row wrote into the windows is visible to the next owner of the slot (the check), on any
/// processor the .NET memory model covers, ARM64 included. Nothing relies on x64 store ordering.</para>
/// <para>A row whose processor's slot is busy (its thread was preempted mid-row, or the processor id is stale) takes the
/// next free slot. The owner is the managed thread id, so that a check called from inside a row on the same thread is
/// detected and refused instead of waiting for itself.</para>
/// </remarks>
internal sealed class ShardPool
{
    private readonly ObservationShard[] _slots;
    private readonly int _mask;
    private readonly Func<ObservationShard, int, WindowShard> _createWindows;

    /// <summary>The most slots a pool has: beyond it, more processors share slots (a busy slot sends a row to the next).</summary>
    public const int MaxSlots = 16;

    /// <param name="createWindows">Creates a slot's windows; the number makes each window's sampling seed distinct.</param>
    /// <param name="slots">The slot count, rounded up to a power of two; by default the processor count, at least 2 and
    /// at most <see cref="MaxSlots"/>.</param>
    public ShardPool(Func<ObservationShard, int, WindowShard> createWindows, int slots = 0)
    {
        _createWindows = createWindows;
        int wanted = Math.Clamp(slots > 0 ? slots : Environment.ProcessorCount, 2, MaxSlots);
        int count = (int)BitOperations.RoundUpToPowerOf2((uint)wanted);
        _slots = new ObservationShard[count];
        for (int i = 0; i < count; i++)
        {
            _slots[i] = new ObservationShard { Index = i };
        }

        _mask = count - 1;
    }

    /// <summary>Creates every slot's windows, before the first row: no row allocates, whichever processor it runs on.
    /// Called once, by the monitor, when the features the windows belong to exist.</summary>
    public void CreateWindows()
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            ObservationShard slot = _slots[i];
            slot.Spare = _createWindows(slot, (2 * i) + 1);
            Volatile.Write(ref slot.Current, _createWindows(slot, 2 * i));
        }
    }

    /// <summary>The slot count: the most windows the pool ever holds is twice this.</summary>
    public int SlotCount => _slots.Length;

    /// <summary>Rows in the open windows: a live reading for schedulers and diagnostics, exact only while no row is in flight.</summary>
    public long OpenRows
    {
        get
        {
            long rows = 0;
            foreach (ObservationShard slot in _slots)
            {
                rows += Volatile.Read(ref Volatile.Read(ref slot.Current).Rows);
            }

            return rows;
        }
    }

    /// <summary>Takes a slot for a row on the calling thread and returns the windows to write it into. Never throws.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public WindowShard Enter()
    {
        int thread = Environment.CurrentManagedThreadId;
        int index = Thread.GetCurrentProcessorId() & _mask;
        ObservationShard slot = _slots[index];
        if (slot.Closing == 0 && Interlocked.CompareExchange(ref slot.Owner, thread, 0) == 0)
        {
            return slot.Current;
        }

        return EnterSlow(index, thread);
    }

    /// <summary>Gives back the slot of a row entered with <see cref="Enter"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Exit(WindowShard windows) => Volatile.Write(ref windows.Owner.Owner, 0);

    /// <summary>
    /// Closes the open windows: takes each slot, swaps its windows for the spare if a row wrote into them, and gives it back. A slot still held
    /// by a row after <paramref name="wait"/> keeps its windows, so its rows count in the next check.
    /// Callers serialize calls, and hand the windows back with <see cref="Recycle"/>.
    /// </summary>
    /// <param name="wait">The longest wait for one slot.</param>
    /// <param name="window">The sequence number of the window that the slots' open windows are part of from now on.</param>
    /// <param name="busy">Slots skipped because a row held them longer than <paramref name="wait"/>.</param>
    /// <exception cref="InvalidOperationException">The calling thread is inside a row of this monitor.</exception>
    public WindowShard[] Drain(TimeSpan wait, long window, out int busy)
    {
        int thread = Environment.CurrentManagedThreadId;
        ThrowIfInsideRow(thread);
        var closed = new List<WindowShard>(_slots.Length);
        busy = 0;
        foreach (ObservationShard slot in _slots)
        {
            if (!TryTake(slot, thread, wait))
            {
                busy++;
                continue;
            }

            // An idle slot keeps its windows: a check then merges and recycles only what was written.
            if (slot.Current.Rows > 0)
            {
                closed.Add(slot.Current);
                slot.Current = slot.Spare!;
                slot.Spare = null;
            }

            slot.Current.Window = window;
            Volatile.Write(ref slot.Owner, 0);
        }

        return closed.ToArray();
    }

    /// <summary>Empties closed windows and makes them their slots' spares again.</summary>
    public static void Recycle(WindowShard[] closed)
    {
        foreach (WindowShard windows in closed)
        {
            windows.Reset();
            Volatile.Write(ref windows.Owner.Spare, windows);
        }
    }

    /// <summary>Visits each slot's open windows while holding the slot, for a consistent copy of the open window.</summary>
    /// <param name="wait">The longest wait for one slot; a slot held longer is left out of the visit.</param>
    /// <param name="visit">Reads the windows; it must not enter a row.</param>
    public void VisitOpen(TimeSpan wait, Action<WindowShard> visit)
    {
        int thread = Environment.CurrentManagedThreadId;
        ThrowIfInsideRow(thread);
        foreach (ObservationShard slot in _slots)
        {
            if (!TryTake(slot, thread, wait))
            {
                continue;
            }

            try
            {
                visit(slot.Current);
            }
            finally
            {
                Volatile.Write(ref slot.Owner, 0);
            }
        }
    }

    private WindowShard EnterSlow(int index, int thread)
    {
        var spin = default(SpinWait);
        while (true)
        {
            for (int step = 1; step <= _slots.Length; step++)
            {
                ObservationShard slot = _slots[(index + step) & _mask];
                if (Volatile.Read(ref slot.Closing) == 0 && Interlocked.CompareExchange(ref slot.Owner, thread, 0) == 0)
                {
                    return slot.Current;
                }
            }

            if (AllHeldBy(thread))
            {
                // Rows nested deeper than the pool on one thread (a listener that observes from inside a row): rather than
                // wait for itself forever, the innermost row goes to windows of its own, which no check sees.
                return _createWindows(new ObservationShard(), -1);
            }

            spin.SpinOnce();
        }
    }

    private bool AllHeldBy(int thread)
    {
        foreach (ObservationShard slot in _slots)
        {
            if (Volatile.Read(ref slot.Owner) != thread)
            {
                return false;
            }
        }

        return true;
    }

    private void ThrowIfInsideRow(int thread)
    {
        foreach (ObservationShard slot in _slots)
        {
            if (Volatile.Read(ref slot.Owner) == thread)
            {
                throw new InvalidOperationException(
                    "A drift check was called from inside Observe on the same thread (from a listener, logger or callback); it would wait for its own row. Check from another thread.");
            }
        }
    }

    // The check's side: marks the slot, so that rows take other slots, and waits for the row inside it to leave. It spins
    // without yielding at first, since a row holds a slot for a fraction of a microsecond.
    private static bool TryTake(ObservationShard slot, int thread, TimeSpan wait)
    {
        if (Interlocked.CompareExchange(ref slot.Owner, thread, 0) == 0)
        {
            return true;
        }

        Volatile.Write(ref slot.Closing, 1);
        try
        {
            long deadline = Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency);
            var spin = default(SpinWait);
            for (int attempt = 0; Stopwatch.GetTimestamp() < deadline; attempt++)
            {
                if (Volatile.Read(ref slot.Owner) == 0 && Interlocked.CompareExchange(ref slot.Owner, thread, 0) == 0)
                {
                    return true;
                }

                if (attempt < 1_000)
                {
                    Thread.SpinWait(20);
                }
                else
                {
                    spin.SpinOnce();
                }
            }

            return false;
        }
        finally
        {
            Volatile.Write(ref slot.Closing, 0);
        }
    }
}
