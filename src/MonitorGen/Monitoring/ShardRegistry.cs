using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace MonitorGen;

/// <summary>
/// The per-thread window shards of one monitor: finds the calling thread's shard on the hot path, and closes all of them
/// for a drift check.
/// </summary>
/// <remarks>
/// <para>The hot path has no lock and no interlocked operation, where shared windows cost one or two per feature. The
/// hand-over is an asymmetric Dekker handshake: a writer marks its sequence odd, then reads its current windows; a check
/// exchanges the current windows, issues a process-wide memory barrier (which makes every writer's earlier stores visible,
/// so writers need no fence of their own), then reads the sequences. Either a writer read the new windows, or the check
/// sees its row in flight and waits for the sequence to move on. Writers never wait; the barrier costs the check
/// microseconds.</para>
/// <para>Memory is one shard per thread that has observed, kept until the monitor is collected, so that nothing a thread
/// counted is lost when it exits.</para>
/// </remarks>
internal sealed class ShardRegistry
{
    [ThreadStatic]
    private static ObservationShard?[]? t_shards;

    private static int s_lastId = -1;

    private readonly int _id = Interlocked.Increment(ref s_lastId);
    private readonly Func<ObservationShard, int, WindowShard> _createWindows;
    private readonly Lock _registration = new();
    private ObservationShard[] _shards = Array.Empty<ObservationShard>();

    public ShardRegistry(Func<ObservationShard, int, WindowShard> createWindows) => _createWindows = createWindows;

    /// <summary>Every thread's shard so far.</summary>
    public ObservationShard[] Shards => Volatile.Read(ref _shards);

    /// <summary>Enters a row on the calling thread and returns the windows to write it into.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public WindowShard Enter()
    {
        ObservationShard?[]? table = t_shards;
        ObservationShard shard = (table is not null && (uint)_id < (uint)table.Length ? table[_id] : null) ?? Register();
        Volatile.Write(ref shard.Sequence, shard.Sequence + 1);
        return Volatile.Read(ref shard.Current);
    }

    /// <summary>Leaves the row entered with <see cref="Enter"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Exit(WindowShard windows)
    {
        ObservationShard owner = windows.Owner;
        Volatile.Write(ref owner.Sequence, owner.Sequence + 1);
    }

    /// <summary>
    /// Swaps every shard's windows for its spare, waits until no row is still writing into the old ones, and returns them.
    /// Off the hot path; callers serialize calls, and hand the windows back with <see cref="Recycle"/>.
    /// </summary>
    public WindowShard[] Drain()
    {
        ObservationShard[] shards = Shards;
        var closed = new WindowShard[shards.Length];
        for (int i = 0; i < shards.Length; i++)
        {
            closed[i] = Interlocked.Exchange(ref shards[i].Current, shards[i].Spare);
        }

        Interlocked.MemoryBarrierProcessWide();

        foreach (ObservationShard shard in shards)
        {
            long sequence = Volatile.Read(ref shard.Sequence);
            if ((sequence & 1) != 0)
            {
                var spin = default(SpinWait);
                while (Volatile.Read(ref shard.Sequence) == sequence)
                {
                    spin.SpinOnce();
                }
            }
        }

        return closed;
    }

    /// <summary>Empties closed windows and makes them their shards' spares again.</summary>
    public static void Recycle(WindowShard[] closed)
    {
        foreach (WindowShard windows in closed)
        {
            windows.Reset();
            windows.Owner.Spare = windows;
        }
    }

    // First row of this thread for this monitor: the only allocation, once per thread.
    private ObservationShard Register()
    {
        lock (_registration)
        {
            var shard = new ObservationShard();
            int number = _shards.Length;
            shard.Current = _createWindows(shard, 2 * number);
            shard.Spare = _createWindows(shard, (2 * number) + 1);
            ObservationShard[] grown = new ObservationShard[number + 1];
            Array.Copy(_shards, grown, number);
            grown[number] = shard;
            Volatile.Write(ref _shards, grown);

            ObservationShard?[] table = t_shards ?? Array.Empty<ObservationShard?>();
            if (table.Length <= _id)
            {
                Array.Resize(ref table, Math.Max(_id + 1, table.Length * 2));
                t_shards = table;
            }

            table[_id] = shard;
            return shard;
        }
    }
}
