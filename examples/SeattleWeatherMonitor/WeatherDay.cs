using MonitorGen;

namespace SeattleWeatherMonitor;

/// <summary>The weather label of a day.</summary>
public enum Weather
{
    Drizzle,
    Rain,
    Sun,
    Snow,
    Fog,
}

/// <summary>The inputs of a (hypothetical) next-day forecaster: one row per day.</summary>
[Monitor("seattle-forecaster", Version = "1.0")]
public partial record WeatherDay
{
    [NotMonitored("the row's key, not a model input")]
    public required DateOnly Date { get; init; }

    [DriftTest, Expect(Min = 0, Max = 100)]
    public double Precipitation { get; init; }

    [DriftTest(DriftMethod.Psi, Threshold = 0.2)]
    public double TempMax { get; init; }

    [DriftTest(DriftMethod.Ks), Expect(Min = -20, Max = 40)]
    public double TempMin { get; init; }

    [DriftTest(DriftMethod.Wasserstein, Threshold = 0.2)]
    public double? Wind { get; init; }

    [DriftTest(DriftMethod.JensenShannon)]
    public Weather Weather { get; init; }
}
