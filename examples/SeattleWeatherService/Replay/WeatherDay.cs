namespace SeattleWeatherService.Replay;

/// <summary>One row of seattle-weather.csv: a day's readings and the weather that was observed (the label).</summary>
internal sealed record WeatherDay(DateOnly Date, float Precipitation, float TempMax, float TempMin, float Wind, Weather Weather)
{
    /// <summary>The model's input for the day.</summary>
    public WeatherFeatures Features => new()
    {
        Precipitation = Precipitation,
        TempMax = TempMax,
        TempMin = TempMin,
        Wind = Wind,
    };

    /// <summary>December to February.</summary>
    public bool IsWinter => Date.Month is 12 or 1 or 2;
}
