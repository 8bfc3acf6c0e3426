using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace MonitorGen.OnnxRuntime.Tests;

/// <summary>The real model through ONNX Runtime gives what the training script computed, whatever the record shapes.</summary>
public sealed class PredictionTests
{
    private const float ConfidenceTolerance = 1e-5f;

    [Fact]
    public void Predictions_equal_the_training_scripts_on_every_fixture_row()
    {
        using var session = Sessions.Weather("predict-fixture");
        Assert.True(Fixtures.Expected.Count >= 50);
        foreach (ExpectedPrediction expected in Fixtures.Expected)
        {
            WeatherForecast forecast = session.Predict(expected.Input);
            Assert.Equal(expected.Weather, forecast.Weather);
            Assert.Equal(expected.Confidence, forecast.Confidence, ConfidenceTolerance);
        }

        // The fixture is not one class over and over: the mapping of the class index is really exercised.
        Assert.True(Fixtures.Expected.Select(e => e.Weather).Distinct().Count() >= 3);
    }

    [Fact]
    public void Properties_map_to_inputs_by_name_ignoring_case_and_underscores()
    {
        using var session = Sessions.Weather("predict-mapping");
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["precipitation"] = "WeatherReading.Precipitation",
                ["temp_max"] = "WeatherReading.TempMax",
                ["temp_min"] = "WeatherReading.TempMin",
                ["wind"] = "WeatherReading.Wind",
                ["weather"] = "WeatherForecast.Weather",
                ["confidence"] = "WeatherForecast.Confidence",
            },
            session.Mapping.ToDictionary(p => p.Key, p => p.Value));
        Assert.Equal("seattle-weather", session.Session.ModelMetadata.GraphName.Replace('_', '-'));
    }

    [Fact]
    public void Attributes_rename_inputs_and_a_positional_record_takes_the_outputs()
    {
        using var inputs = RenamedReading.CreateMonitor(RenamedReading.FitProfile(Fixtures.TrainingDays.Select(Renamed)));
        using var outputs = PositionalForecast.CreateMonitor(PositionalForecast.FitProfile(
            Fixtures.Expected.Select(e => new PositionalForecast(e.Weather, e.Confidence))));
        using var session = new MonitoredInferenceSession<RenamedReading, PositionalForecast>(Fixtures.ModelPath, inputs, outputs);

        Assert.Contains(new KeyValuePair<string, string>("temp_max", "RenamedReading.High"), session.Mapping);
        Assert.Contains(new KeyValuePair<string, string>("confidence", "PositionalForecast.Probability"), session.Mapping);
        foreach (ExpectedPrediction expected in Fixtures.Expected)
        {
            PositionalForecast forecast = session.Predict(Renamed(expected.Input));
            Assert.Equal(expected.Weather, forecast.Weather);
            Assert.Equal(expected.Confidence, forecast.Probability, ConfidenceTolerance);
        }
    }

    [Fact]
    public void A_record_struct_output_takes_double_from_a_float_output()
    {
        using var inputs = WeatherReading.CreateMonitor(Fixtures.ReadingProfile);
        using var outputs = WeatherForecastValue.CreateMonitor(Fixtures.ForecastValueProfile);
        using var session = new MonitoredInferenceSession<WeatherReading, WeatherForecastValue>(Fixtures.ModelPath, inputs, outputs);
        foreach (ExpectedPrediction expected in Fixtures.Expected)
        {
            WeatherForecastValue forecast = session.Predict(expected.Input);
            Assert.Equal(expected.Weather, forecast.Weather);
            Assert.Equal(expected.Confidence, forecast.Confidence, 1e-5);
        }
    }

    [Fact]
    public void Inputs_and_outputs_are_observed_by_their_monitors()
    {
        using var session = Sessions.Weather("predict-observed", out WeatherReadingMonitor inputs, out WeatherForecastMonitor outputs);
        using (inputs)
        using (outputs)
        {
            foreach (ExpectedPrediction expected in Fixtures.Expected)
            {
                session.Predict(expected.Input);
            }

            Assert.Equal(Fixtures.Expected.Count, inputs.ObservedRows);
            Assert.Equal(Fixtures.Expected.Count, outputs.ObservedRows);
            DriftReport report = outputs.CheckDrift();
            Assert.Equal(Fixtures.Expected.Count, report.Rows);
            // The outputs observed are the predictions: the same rows the profile was fitted on, so nothing drifts.
            Assert.False(report.DatasetDrift);
        }
    }

    [Fact]
    public void Concurrent_callers_each_get_their_own_rows_prediction()
    {
        using var session = Sessions.Weather("predict-concurrent");
        IReadOnlyList<ExpectedPrediction> rows = Fixtures.Expected;
        var mismatches = 0;
        Parallel.For(0, 4_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            ExpectedPrediction expected = rows[i % rows.Count];
            WeatherForecast forecast = session.Predict(expected.Input);
            if (forecast.Weather != expected.Weather || Math.Abs(forecast.Confidence - expected.Confidence) > ConfidenceTolerance)
            {
                System.Threading.Interlocked.Increment(ref mismatches);
            }
        });
        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void A_missing_wind_reading_reaches_the_model_as_NaN_and_the_monitor_as_missing()
    {
        using var session = Sessions.Weather("predict-missing", out WeatherReadingMonitor inputs, out WeatherForecastMonitor outputs);
        using (inputs)
        using (outputs)
        {
            WeatherReading row = Fixtures.Expected[0].Input with { Wind = null };
            WeatherForecast forecast = session.Predict(row);
            // NaN through tanh and softmax: the model's answer is undefined, but the call is served and the gap counted.
            Assert.True(float.IsNaN(forecast.Confidence) || forecast.Confidence is >= 0 and <= 1);
            DriftReport report = inputs.CheckDrift();
            Assert.Equal(1, report.Features.Single(f => f.Feature == "Wind").Missing);
        }
    }

    private static RenamedReading Renamed(WeatherReading day) => new()
    {
        RainMm = day.Precipitation,
        High = day.TempMax,
        Low = day.TempMin,
        WindSpeed = day.Wind ?? double.NaN,
    };
}
