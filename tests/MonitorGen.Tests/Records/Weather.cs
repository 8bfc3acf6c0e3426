using MonitorGen;

namespace MonitorGen.Tests.Records;

public enum WeatherKind
{
    Drizzle,
    Rain,
    Sun,
    Snow,
    Fog,
}

/// <summary>A day of Seattle weather, as a model would consume it.</summary>
[Monitor("seattle-weather", Version = "1.0")]
public partial record WeatherDay
{
    [DriftTest] public double Precipitation { get; init; }
    [DriftTest(DriftMethod.Ks)] public double TempMax { get; init; }
    [DriftTest(DriftMethod.Psi, Threshold = 0.2), Expect(Min = -30, Max = 45)] public double TempMin { get; init; }
    [DriftTest(DriftMethod.Wasserstein)] public double? Wind { get; init; }
    [DriftTest] public WeatherKind Weather { get; init; }
    [NotMonitored("an identifier, not a model input")] public string? Date { get; init; }
}
