using System;

namespace MonitorGen.Labels;

/// <summary>
/// The time a prediction is stamped with, read on every row that stores one: so it must cost a few nanoseconds, not the
/// twenty of a precise clock read.
/// </summary>
/// <remarks>
/// With the system clock it is the start-up time plus <see cref="Environment.TickCount64"/> (a coarse monotonic clock, a
/// few milliseconds of resolution), which is precise enough for label delays and horizons measured in seconds to days,
/// and does not jump when the wall clock is set. Any other <see cref="TimeProvider"/> (a test's) is read as it is.
/// </remarks>
internal sealed class PredictionClock
{
    private readonly TimeProvider? _provider;
    private readonly long _startUtcTicks;
    private readonly long _startMilliseconds;

    public PredictionClock(TimeProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _provider = ReferenceEquals(provider, TimeProvider.System) ? null : provider;
        _startUtcTicks = provider.GetUtcNow().UtcTicks;
        _startMilliseconds = Environment.TickCount64;
    }

    /// <summary>Now, in UTC ticks.</summary>
    public long UtcTicks => _provider is null
        ? _startUtcTicks + ((Environment.TickCount64 - _startMilliseconds) * TimeSpan.TicksPerMillisecond)
        : _provider.GetUtcNow().UtcTicks;
}
