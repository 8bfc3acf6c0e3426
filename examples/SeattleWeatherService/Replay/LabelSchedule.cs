namespace SeattleWeatherService.Replay;

/// <summary>
/// When each replayed day's natural label (the weather that came) reaches the service, as a seeded draw: most arrive a
/// day after the prediction, some only after the label horizon (late: the service counts and ignores them), some never.
/// </summary>
internal sealed class LabelSchedule
{
    /// <summary>The days after its prediction that a late label arrives: beyond the default 14-day horizon.</summary>
    public const int LateDays = 20;

    /// <summary>The share of labels that arrive the next day.</summary>
    public const double NextDayShare = 0.8;

    /// <summary>The share that arrive <see cref="LateDays"/> later; the rest never do.</summary>
    public const double LateShare = 0.1;

    private readonly Random _random = new(2016);

    /// <summary>The day a label for a prediction on <paramref name="day"/> arrives, or null when it never does.</summary>
    public int? ArrivalDay(int day)
    {
        double draw = _random.NextDouble();
        return draw < NextDayShare ? day + 1 : draw < NextDayShare + LateShare ? day + LateDays : null;
    }
}
