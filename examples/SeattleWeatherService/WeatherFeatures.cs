using MonitorGen;

namespace SeattleWeatherService;

/// <summary>
/// The model's input: a day's measurements. Each property feeds the ONNX input of the same name
/// (<c>TempMax</c> feeds <c>temp_max</c>).
/// </summary>
[Monitor("seattle-weather", Version = "1")]
public partial record WeatherFeatures
{
    /// <summary>Precipitation, in mm.</summary>
    [DriftTest, Expect(Min = 0, Max = 100)]
    public required float Precipitation { get; init; }

    /// <summary>The day's highest temperature, in °C.</summary>
    [DriftTest(DriftMethod.Psi)]
    public required float TempMax { get; init; }

    /// <summary>The day's lowest temperature, in °C.</summary>
    [DriftTest(DriftMethod.Ks), Expect(Min = -20, Max = 40)]
    public required float TempMin { get; init; }

    /// <summary>The mean wind speed, in m/s.</summary>
    [DriftTest(DriftMethod.AndersonDarling), Expect(Min = 0, Max = 30)]
    public required float Wind { get; init; }
}
