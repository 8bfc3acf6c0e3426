namespace SeattleWeatherService;

/// <summary>The weather of a day, as labelled in seattle-weather.csv; the model's classes in this order.</summary>
public enum Weather
{
    Drizzle,
    Rain,
    Sun,
    Snow,
    Fog,
}
