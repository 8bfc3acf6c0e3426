using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using MonitorGen.Telemetry;

namespace MonitorGen.OnnxRuntime.Tests;

/// <summary>Latency, errors and the trace span, as a MeterListener and an ActivityListener see them.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public void Every_prediction_records_one_duration_in_seconds_with_model_tags()
    {
        const string model = "telemetry-duration";
        using var capture = new MeasurementCapture(model);
        using var session = Sessions.Weather(model);
        for (int i = 0; i < 25; i++)
        {
            session.Predict(Fixtures.Expected[i].Input);
        }

        IReadOnlyList<MeasurementCapture.Measurement> durations = capture.Of(InstrumentNames.PredictionDuration);
        Assert.Equal(25, durations.Count);
        Assert.All(durations, d =>
        {
            Assert.InRange(d.Value, 1e-8, 1.0); // seconds: a 4-16-5 network runs in microseconds
            Assert.Equal("1", d.Tags[InstrumentNames.ModelVersionTag]);
        });
        // No failure yet: one series at 0, without error.type, so that an error ratio exists from the start.
        MeasurementCapture.Measurement errors = Assert.Single(capture.Collect(InstrumentNames.PredictionErrors));
        Assert.Equal(0, errors.Value);
        Assert.False(errors.Tags.ContainsKey("error.type"));
        Assert.Empty(capture.Of(InstrumentNames.SelfErrors));
    }

    [Fact]
    public void Each_prediction_runs_in_a_predict_activity_tagged_with_model_and_version()
    {
        const string model = "telemetry-activity";
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MonitorGenDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Name == "predict " + model ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            // Listeners hear every activity of the source, also those another test's listener sampled.
            ActivityStopped = activity =>
            {
                if (activity.OperationName != "predict " + model)
                {
                    return;
                }

                lock (stopped)
                {
                    stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var session = Sessions.Weather(model);

        using (var parent = new Activity("request").Start())
        {
            session.Predict(Fixtures.Expected[0].Input);
            session.Predict(Fixtures.Expected[1].Input);
            Assert.Same(parent, Activity.Current);
        }

        Assert.Equal(2, stopped.Count);
        Assert.All(stopped, activity =>
        {
            Assert.Equal("predict " + model, activity.OperationName);
            Assert.Equal(ActivityKind.Internal, activity.Kind);
            Assert.Equal(model, activity.GetTagItem(InstrumentNames.ModelTag));
            Assert.Equal("1", activity.GetTagItem(InstrumentNames.ModelVersionTag));
            Assert.Equal("request", activity.Parent?.OperationName);
            // The monitors' own tags land on the same span, since it is current while they observe.
            Assert.Equal("seattle-weather", activity.GetTagItem("monitorgen.model"));
            Assert.Equal(ActivityStatusCode.Unset, activity.Status);
        });
    }
}
