using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MonitorGen;

namespace MonitorGen.Benchmarks;

/// <summary>The weather class, in the order of the model's class index (models/seattle-weather/README.md).</summary>
public enum Weather
{
    Drizzle,
    Rain,
    Sun,
    Snow,
    Fog,
}

/// <summary>The input of models/seattle-weather/seattle-weather.onnx; properties map to its inputs by name.</summary>
[Monitor("seattle-weather", Version = "1")]
public sealed partial record WeatherReading
{
    [DriftTest, Expect(Min = 0, Max = 100)] public float Precipitation { get; init; }
    [DriftTest] public float TempMax { get; init; }
    [DriftTest] public float TempMin { get; init; }
    [DriftTest] public float Wind { get; init; }

    /// <summary>The 2012–2013 days of the committed seattle-weather.csv (the model's training split).</summary>
    internal static WeatherReading[] TrainingDays() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "seattle-weather.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .Where(f => string.CompareOrdinal(f[0], "2014") < 0)
            .Select(f => new WeatherReading
            {
                Precipitation = float.Parse(f[1], CultureInfo.InvariantCulture),
                TempMax = float.Parse(f[2], CultureInfo.InvariantCulture),
                TempMin = float.Parse(f[3], CultureInfo.InvariantCulture),
                Wind = float.Parse(f[4], CultureInfo.InvariantCulture),
            })
            .ToArray();
}

/// <summary>The output of the model.</summary>
[Monitor("seattle-weather", Version = "1")]
public sealed partial record WeatherForecast
{
    [DriftTest] public Weather Weather { get; init; }
    [KpiMetric("confidence", Unit = "1")] public float Confidence { get; init; }

    /// <summary>A spread of forecasts to fit the output profile on.</summary>
    internal static IEnumerable<WeatherForecast> Spread() =>
        Enumerable.Range(0, 500).Select(i => new WeatherForecast { Weather = (Weather)(i % 5), Confidence = 0.5f + (i % 50 / 100f) });
}
