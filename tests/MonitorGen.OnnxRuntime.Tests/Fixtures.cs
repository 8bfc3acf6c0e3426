using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace MonitorGen.OnnxRuntime.Tests;

/// <summary>The committed model, the data and the training script's expected predictions, with profiles fitted once.</summary>
internal static class Fixtures
{
    public static string ModelPath { get; } = Path.Combine(AppContext.BaseDirectory, "Models", "seattle-weather.onnx");

    public static string FailingModelPath { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "reshape-fails-above-one.onnx");

    /// <summary>Rows of Fixtures/expected-predictions.csv: the input and what tools/model/train_weather_model.py predicts.</summary>
    public static IReadOnlyList<ExpectedPrediction> Expected { get; } = ReadExpected();

    /// <summary>2012–2013, the model's training split.</summary>
    public static IReadOnlyList<WeatherReading> TrainingDays { get; } = ReadDays().Where(d => d.Date.Year <= 2013).ToList();

    public static ReferenceProfile ReadingProfile { get; } = WeatherReading.FitProfile(TrainingDays);

    public static ReferenceProfile ForecastProfile { get; } = WeatherForecast.FitProfile(
        Expected.Select(e => new WeatherForecast { Weather = e.Weather, Confidence = e.Confidence }));

    public static ReferenceProfile ForecastValueProfile { get; } = WeatherForecastValue.FitProfile(
        Expected.Select(e => new WeatherForecastValue { Weather = e.Weather, Confidence = e.Confidence }));

    private static List<ExpectedPrediction> ReadExpected()
    {
        string[] lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "expected-predictions.csv"));
        if (lines[0] != "date,precipitation,temp_max,temp_min,wind,label,expected_weather,expected_confidence")
        {
            throw new InvalidDataException("expected-predictions.csv: unexpected header " + lines[0]);
        }

        return lines.Skip(1).Select(line => line.Split(',')).Select(f => new ExpectedPrediction(
            new WeatherReading
            {
                Date = DateOnly.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Precipitation = float.Parse(f[1], CultureInfo.InvariantCulture),
                TempMax = float.Parse(f[2], CultureInfo.InvariantCulture),
                TempMin = float.Parse(f[3], CultureInfo.InvariantCulture),
                Wind = double.Parse(f[4], CultureInfo.InvariantCulture),
            },
            Enum.Parse<Weather>(f[6], ignoreCase: true),
            float.Parse(f[7], CultureInfo.InvariantCulture))).ToList();
    }

    private static IEnumerable<WeatherReading> ReadDays()
    {
        foreach (string line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "seattle-weather.csv")).Skip(1))
        {
            string[] f = line.Split(',');
            yield return new WeatherReading
            {
                Date = DateOnly.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Precipitation = float.Parse(f[1], CultureInfo.InvariantCulture),
                TempMax = float.Parse(f[2], CultureInfo.InvariantCulture),
                TempMin = float.Parse(f[3], CultureInfo.InvariantCulture),
                Wind = double.Parse(f[4], CultureInfo.InvariantCulture),
            };
        }
    }
}

/// <summary>One fixture row.</summary>
internal sealed record ExpectedPrediction(WeatherReading Input, Weather Weather, float Confidence);
