using System;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using MonitorGen.Labels;
using MonitorGen.Performance;
using MonitorGen.Tests.Records;

namespace MonitorGen.Tests.Labels;

/// <summary>
/// The hand-label queue wired to a monitor (issue 12, §6): a closed window's predictions are offered to the sampler in
/// the drift check, the requests carry their inclusion probabilities, a hand label for one is weighted by 1/π, and the
/// queue goes to Label Studio and back.
/// </summary>
public sealed class HandLabelQueueTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly ReferenceProfile Profile = Forecasted.FitProfile(
        Enumerable.Range(0, 300).Select(i => new Forecasted { Sky = (Sky)(i % 3), Confidence = 0.75 }));

    [Fact]
    public void Low_confidence_first_asks_about_the_doubts_and_the_weighted_accuracy_corrects_for_it()
    {
        var clock = new FakeTimeProvider(Start);
        using var monitor = new ForecastedMonitor(Profile, new MonitorOptions
        {
            TimeProvider = clock,
            HandLabelBudget = 1000,
            HandLabelPeriod = TimeSpan.FromDays(1),
            HandLabelStrategy = LabelSamplingStrategy.LowConfidenceFirst,
        });
        var random = new Random(7);
        var truth = new System.Collections.Generic.Dictionary<string, (Sky Predicted, bool Right, double Confidence)>();
        for (int i = 0; i < 4000; i++)
        {
            // The model is right with probability equal to its confidence, uniform in [0.5, 1]: its accuracy is 0.75.
            double confidence = 0.5 + (random.NextDouble() / 2);
            var row = new Forecasted { Sky = (Sky)(i % 3), Confidence = confidence };
            truth[monitor.ObservePrediction(row)!] = (row.Sky, random.NextDouble() < confidence, confidence);
            clock.Advance(TimeSpan.FromSeconds(20));
        }

        monitor.CheckDrift();
        var requests = monitor.LabelRequests;
        // The first period knows no confidences yet and takes them as 0.5 on average, so it spends less than its budget
        // (about half here, where the mean doubt is 0.25); it never spends more beyond the draws' noise.
        Assert.InRange(requests.Count, 300, 1100);
        Assert.All(requests, r => Assert.InRange(r.InclusionProbability, 1e-6, 1.0));
        Assert.True(requests.Average(r => r.Confidence) < truth.Values.Average(t => t.Confidence) - 0.05, "the doubts were not asked about first");

        foreach (LabelRequest request in requests)
        {
            (Sky predicted, bool right, _) = truth[request.PredictionId];
            Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel(request.PredictionId, right ? predicted : (Sky)(((int)predicted + 1) % 3), LabelSource.Hand));
        }

        Assert.Empty(monitor.LabelRequests);
        PerformanceWindow hand = monitor.Performance(LabelSource.Hand)!.Cumulative;
        double actual = truth.Values.Count(t => t.Right) / (double)truth.Count;
        // The labelled doubts alone say about 2/3; weighted back to the traffic they say the model's accuracy.
        Assert.True(actual - hand.Classification!.Accuracy > 0.05, $"plain {hand.Classification.Accuracy:F3} against {actual:F3}");
        TestContext.Current.TestOutputHelper?.WriteLine($"{requests.Count} requests; actual {actual:F4}, plain {hand.Classification.Accuracy:F4}, weighted {hand.WeightedAccuracy:F4}, effective {hand.EffectiveLabels:F0}");
        Assert.Equal(actual, hand.WeightedAccuracy!.Value, 0.04);
        Assert.InRange(hand.EffectiveLabels!.Value, 100, requests.Count);
    }

    [Fact]
    public void The_queue_goes_to_label_studio_and_its_annotations_come_back_as_hand_labels()
    {
        var clock = new FakeTimeProvider(Start);
        using var monitor = new ForecastedMonitor(Profile, new MonitorOptions { TimeProvider = clock, HandLabelBudget = 50, HandLabelStrategy = LabelSamplingStrategy.Uniform });
        for (int i = 0; i < 100; i++)
        {
            monitor.ObservePrediction(new Forecasted { Sky = Sky.Rain, Confidence = 0.9 });
            clock.Advance(TimeSpan.FromMinutes(10));
        }

        monitor.CheckDrift();
        JsonArray tasks = JsonNode.Parse(monitor.LabelRequestsAsLabelStudioTasks())!.AsArray();
        Assert.Equal(monitor.LabelRequests.Count, tasks.Count);
        Assert.True(tasks.Count > 10);
        // An annotator says Snow for every task but the first, whose annotation was cancelled.
        for (int i = 0; i < tasks.Count; i++)
        {
            tasks[i]!["annotations"] = new JsonArray(new JsonObject
            {
                ["was_cancelled"] = i == 0,
                ["result"] = new JsonArray(new JsonObject { ["from_name"] = "label", ["to_name"] = "prediction", ["type"] = "choices", ["value"] = new JsonObject { ["choices"] = new JsonArray("Snow") } }),
            });
        }

        var outcomes = monitor.ImportLabelStudioAnnotations(tasks.ToJsonString());
        Assert.Equal(tasks.Count - 1, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(LabelOutcome.Matched, o.Outcome));
        PerformanceWindow hand = monitor.Performance(LabelSource.Hand)!.Cumulative;
        Assert.Equal((tasks.Count - 1L, 0.0), (hand.Labels, hand.Classification!.Accuracy));
        Assert.Single(monitor.LabelRequests);
        Assert.Throws<System.IO.InvalidDataException>(() => monitor.ImportLabelStudioAnnotations("[{\"data\":{}}]"));
    }

    [Fact]
    public void Bad_hand_label_options_fail_at_construction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ForecastedMonitor(Profile, new MonitorOptions { HandLabelBudget = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ForecastedMonitor(Profile, new MonitorOptions { HandLabelBudget = 5, HandLabelPeriod = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ForecastedMonitor(Profile, new MonitorOptions { HandLabelBudget = 5, HandLabelStrategy = (LabelSamplingStrategy)9 }));
    }
}
