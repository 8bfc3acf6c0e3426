using MonitorGen;

namespace MonitorGen.AspNetCore.Tests;

/// <summary>The <c>weather</c> label of the Seattle data set.</summary>
public enum WeatherKind
{
    Drizzle,
    Rain,
    Sun,
    Snow,
    Fog,
}

/// <summary>A day of Seattle weather, as the model behind <c>POST /predict</c> consumes it.</summary>
[Monitor("seattle-weather", Version = "1.0")]
public partial record WeatherObservation
{
    [DriftTest] public double Precipitation { get; init; }
    [DriftTest] public double TempMax { get; init; }
    [DriftTest] public double TempMin { get; init; }
    [DriftTest] public double Wind { get; init; }
    [DriftTest] public WeatherKind Weather { get; init; }
}

/// <summary>A second model of the same app: only the wind, to show that several monitors can be registered.</summary>
[Monitor("seattle-wind")]
public partial record WindObservation
{
    [DriftTest] public double Wind { get; init; }
}
