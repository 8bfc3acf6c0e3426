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
    internal static WeatherReading[] TrainingDays() => Days().Where(d => d.Date.Year < 2014).Select(d => d.Reading).ToArray();

    /// <summary>Every day of the committed seattle-weather.csv (2012–2015), in date order.</summary>
    internal static (DateOnly Date, WeatherReading Reading)[] Days() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "seattle-weather.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .Select(f => (DateOnly.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), new WeatherReading
            {
                Precipitation = float.Parse(f[1], CultureInfo.InvariantCulture),
                TempMax = float.Parse(f[2], CultureInfo.InvariantCulture),
                TempMin = float.Parse(f[3], CultureInfo.InvariantCulture),
                Wind = float.Parse(f[4], CultureInfo.InvariantCulture),
            }))
            .OrderBy(d => d.Item1)
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
