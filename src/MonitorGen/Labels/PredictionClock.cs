using System;
using System.Diagnostics;
using System.Threading;

namespace MonitorGen.Labels;

/// <summary>
/// The time a prediction is stamped with, read on every row that stores one: so it must cost a load, not the 4 ns of
/// <see cref="Environment.TickCount64"/> or the 20 of a precise clock read (measured here), which alone would take most
/// of the 10 % that labels may add to <c>Observe</c>.
/// </summary>
/// <remarks>
/// With the system clock it is a process-wide value that one timer moves on every 10 ms, from the start-up time by the
/// monotonic <see cref="Stopwatch"/> (so it does not jump when the wall clock is set): precise enough for label delays
/// and horizons of seconds to days. The timer starts with the first monitor that stores predictions and runs for the
/// process's lifetime, a callback of well under a microsecond 100 times a second. Any other <see cref="TimeProvider"/>
/// (a test's, a simulated calendar) is read as it is.
/// </remarks>
internal sealed class PredictionClock
{
    private static readonly Lock StartLock = new();
    private static long s_coarseUtcTicks;
    private static Timer? s_timer;

    private readonly TimeProvider? _provider;

    public PredictionClock(TimeProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _provider = ReferenceEquals(provider, TimeProvider.System) ? null : provider;
        if (_provider is null)
        {
            StartCoarseClock();
        }
    }

    /// <summary>Now, in UTC ticks.</summary>
    public long UtcTicks => _provider is null ? Volatile.Read(ref s_coarseUtcTicks) : _provider.GetUtcNow().UtcTicks;

    private static void StartCoarseClock()
    {
        lock (StartLock)
        {
            if (s_timer is not null)
            {
                return;
            }

            long startUtcTicks = DateTime.UtcNow.Ticks;
            long startTimestamp = Stopwatch.GetTimestamp();
            Volatile.Write(ref s_coarseUtcTicks, startUtcTicks);
            // No execution context is captured: the timer holds nothing of the monitor or the request that started it.
            using (ExecutionContext.SuppressFlow())
            {
                s_timer = new Timer(
                    _ => Volatile.Write(ref s_coarseUtcTicks, startUtcTicks + Stopwatch.GetElapsedTime(startTimestamp).Ticks),
                    null, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10));
            }
        }
    }
}
