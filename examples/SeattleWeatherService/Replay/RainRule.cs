namespace SeattleWeatherService.Replay;

/// <summary>
/// The replay's programmatic labeler: a rule on the day's own reading, available at once, long before the weather is
/// reported. It votes rain for at least 1 mm of precipitation and abstains otherwise.
/// </summary>
internal static class RainRule
{
    /// <summary>What the rule says of <paramref name="day"/>.</summary>
    public const string Description = "precipitation >= 1 mm -> rain";

    public static Weather? Label(WeatherFeatures day) => day.Precipitation >= 1 ? Weather.Rain : null;
}
