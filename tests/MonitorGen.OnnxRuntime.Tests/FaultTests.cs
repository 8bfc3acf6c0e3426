using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using MonitorGen.Telemetry;

namespace MonitorGen.OnnxRuntime.Tests;

/// <summary>
/// A bad model fails at construction with the file named; a model failure reaches the caller unchanged and is counted;
/// a monitoring failure never reaches the caller and is counted.
/// </summary>
public sealed class FaultTests
{
    [Fact]
    public void A_missing_model_file_fails_construction_naming_the_file()
    {
        string path = Path.Combine(Path.GetTempPath(), $"monitorgen-missing-{Guid.NewGuid():N}.onnx");
        using var inputs = WeatherReading.CreateMonitor(Fixtures.ReadingProfile);
        using var outputs = WeatherForecast.CreateMonitor(Fixtures.ForecastProfile);

        var error = Assert.Throws<OnnxModelException>(() => new MonitoredInferenceSession<WeatherReading, WeatherForecast>(path, inputs, outputs));
        Assert.Equal(path, error.ModelPath);
        Assert.Contains(path, error.Message);
        Assert.Contains("does not exist", error.Message);
        Assert.IsType<FileNotFoundException>(error.InnerException);
    }

    [Fact]
    public void A_corrupt_model_file_fails_construction_naming_the_file()
    {
        string path = Path.Combine(Path.GetTempPath(), $"monitorgen-corrupt-{Guid.NewGuid():N}.onnx");
        // The real model cut in half: a protobuf that ends mid-message.
        byte[] model = File.ReadAllBytes(Fixtures.ModelPath);
        File.WriteAllBytes(path, model.AsSpan(0, model.Length / 2).ToArray());
        try
        {
            using var inputs = WeatherReading.CreateMonitor(Fixtures.ReadingProfile);
            using var outputs = WeatherForecast.CreateMonitor(Fixtures.ForecastProfile);
            var error = Assert.Throws<OnnxModelException>(() => new MonitoredInferenceSession<WeatherReading, WeatherForecast>(path, inputs, outputs));
            Assert.Equal(path, error.ModelPath);
            Assert.Contains(path, error.Message);
            Assert.Contains("cannot load", error.Message);
            Assert.IsType<OnnxRuntimeException>(error.InnerException);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Records_that_do_not_fit_the_model_fail_construction_listing_every_mismatch()
    {
        using var inputs = ReadingWithoutWind.CreateMonitor(ReadingWithoutWind.FitProfile(
            Fixtures.TrainingDays.Select(d => new ReadingWithoutWind { Precipitation = d.Precipitation, TempMax = d.TempMax, TempMin = d.TempMin })));
        using var outputs = UnfitForecast.CreateMonitor(UnfitForecast.FitProfile([new UnfitForecast()]));

        var error = Assert.Throws<OnnxModelException>(() => new MonitoredInferenceSession<ReadingWithoutWind, UnfitForecast>(Fixtures.ModelPath, inputs, outputs));
        Assert.Equal(Fixtures.ModelPath, error.ModelPath);
        Assert.Contains("model input 'wind' (float [N,1]) is fed by no member of ReadingWithoutWind", error.Message);
        Assert.Contains("UnfitForecast.Humidity matches no model output", error.Message);
        Assert.Contains("model output 'confidence' (float [N]) for UnfitForecast.Certainty: an enum is filled only from an integer tensor", error.Message);
        Assert.Contains("Model inputs: precipitation float [N,1], temp_max float [N,1], temp_min float [N,1], wind float [N,1]", error.Message);
    }

    [Fact]
    public void A_model_failure_is_counted_and_reaches_the_caller_unchanged()
    {
        const string model = "fault-model-error";
        using var capture = new MeasurementCapture(model);
        var stopped = new List<Activity>();
        using var listener = ListenTo("predict " + model, stopped);
        using var session = FailingSession(model);

        Assert.Equal(1f, session.Predict(new ReshapeInput { Value = 1 }).Reshaped);
        var error = Assert.Throws<OnnxRuntimeException>(() => session.Predict(new ReshapeInput { Value = 3 }));
        Assert.Contains("Reshape", error.Message, StringComparison.OrdinalIgnoreCase);

        MeasurementCapture.Measurement counted = Assert.Single(capture.Collect(InstrumentNames.PredictionErrors));
        Assert.Equal(1, counted.Value);
        Assert.Equal(typeof(OnnxRuntimeException).FullName, counted.Tags["error.type"]);
        // Only the successful call has a duration; the session still serves after the failure.
        Assert.Single(capture.Of(InstrumentNames.PredictionDuration));
        Assert.Equal(1f, session.Predict(new ReshapeInput { Value = 1 }).Reshaped);
        Assert.Equal(2, capture.Of(InstrumentNames.PredictionDuration).Count);

        Assert.Equal(3, stopped.Count);
        Assert.Equal(ActivityStatusCode.Error, stopped[1].Status);
        Assert.Contains(stopped[1].Events, e => e.Name == "exception");
        Assert.Empty(capture.Of(InstrumentNames.SelfErrors));
    }

    [Fact]
    public void A_throwing_metrics_listener_never_fails_the_prediction_and_is_counted()
    {
        const string model = "fault-meter-listener";
        using var capture = new MeasurementCapture(model) { ThrowOn = InstrumentNames.PredictionDuration };
        using var session = Sessions.Weather(model);

        ExpectedPrediction expected = Fixtures.Expected[3];
        WeatherForecast forecast = session.Predict(expected.Input);
        Assert.Equal(expected.Weather, forecast.Weather);
        Assert.Single(capture.Of(InstrumentNames.SelfErrors));
        Assert.Equal(0, Assert.Single(capture.Collect(InstrumentNames.PredictionErrors)).Value);
    }

    [Fact]
    public void A_throwing_activity_listener_never_fails_the_prediction_and_is_counted()
    {
        const string model = "fault-activity-listener";
        using var capture = new MeasurementCapture(model);
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MonitorGenDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Name == "predict " + model ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            // Only for this test's activities: the listener hears other tests' too.
            ActivityStarted = activity =>
            {
                if (activity.OperationName == "predict " + model)
                {
                    throw new InvalidOperationException("listener failure on start (test)");
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var session = Sessions.Weather(model);

        ExpectedPrediction expected = Fixtures.Expected[4];
        WeatherForecast forecast = session.Predict(expected.Input);
        Assert.Equal(expected.Weather, forecast.Weather);
        Assert.Null(Activity.Current);
        Assert.Single(capture.Of(InstrumentNames.SelfErrors));
        Assert.Single(capture.Of(InstrumentNames.PredictionDuration));
    }

    [Fact]
    public void A_throwing_hand_written_monitor_never_fails_the_prediction_and_is_counted()
    {
        const string model = "fault-monitor";
        using var capture = new MeasurementCapture(model);
        using var outputs = WeatherForecast.CreateMonitor(Fixtures.ForecastProfile);
        using var session = new MonitoredInferenceSession<WeatherReading, WeatherForecast>(
            Fixtures.ModelPath, new ThrowingMonitor<WeatherReading>(), outputs, new MonitoredInferenceSessionOptions { ModelName = model });

        ExpectedPrediction expected = Fixtures.Expected[5];
        Assert.Equal(expected.Weather, session.Predict(expected.Input).Weather);
        Assert.Single(capture.Of(InstrumentNames.SelfErrors));
        Assert.Equal(1, outputs.ObservedRows);
    }

    [Fact]
    public void A_disposed_session_refuses_predictions()
    {
        var session = Sessions.Weather("fault-disposed");
        session.Dispose();
        Assert.False(session.IsLoaded);
        Assert.Throws<ObjectDisposedException>(() => session.Predict(Fixtures.Expected[0].Input));
    }

    private static MonitoredInferenceSession<ReshapeInput, ReshapeOutput> FailingSession(string model)
    {
        var inputs = ReshapeInput.CreateMonitor(ReshapeInput.FitProfile([new ReshapeInput { Value = 1 }]));
        var outputs = ReshapeOutput.CreateMonitor(ReshapeOutput.FitProfile([new ReshapeOutput { Reshaped = 1 }]));
        return new MonitoredInferenceSession<ReshapeInput, ReshapeOutput>(
            Fixtures.FailingModelPath, inputs, outputs, new MonitoredInferenceSessionOptions { ModelName = model });
    }

    private static ActivityListener ListenTo(string name, List<Activity> stopped)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MonitorGenDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Name == name ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            // Listeners hear every activity of the source, also those another test's listener sampled.
            ActivityStopped = activity =>
            {
                if (activity.OperationName == name)
                {
                    lock (stopped)
                    {
                        stopped.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private sealed class ThrowingMonitor<T> : IModelMonitor<T>
    {
        public void Observe(in T row) => throw new InvalidOperationException("monitor failure (test)");

        public DriftReport CheckDrift() => throw new NotSupportedException();
    }
}
