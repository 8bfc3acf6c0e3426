namespace SeattleWeatherService.Replay;

/// <summary>
/// The replay's calendar: the demo's service runs on it, and the replayer moves it one day per replayed day, so that a
/// label sent "a day later" is a day later to the service too, and one sent after the label horizon (14 days) is late.
/// </summary>
internal sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
