using System;
using System.Linq;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MonitorGen.Labels;
using MonitorGen.Performance;
using MonitorGen.Tests.Records;

using MonitorGen.Tests.Support;

namespace MonitorGen.Tests.Labels;

/// <summary>
/// The natural-label join through the generated API (issue 12, §1 and §2): a label lands in its prediction's window
/// whenever it arrives, each outcome is counted per source, sources never mix, and storing a prediction allocates nothing.
/// </summary>
public sealed class LabelJoinTests
{
    private static readonly DateTimeOffset Start = ForecastedProfile.Start;

    private static ReferenceProfile ForecastProfile => ForecastedProfile.Reference;

    private static ForecastedMonitor Monitor(FakeTimeProvider clock, int capacity = 1024, TimeSpan? horizon = null) =>
        new(ForecastProfile, new MonitorOptions { TimeProvider = clock, LabelCapacity = capacity, LabelHorizon = horizon ?? TimeSpan.FromDays(2) });

    [Fact]
    public void A_label_lands_in_the_window_of_its_prediction_not_the_one_it_arrives_in()
    {
        var clock = new FakeTimeProvider(Start);
        using ForecastedMonitor monitor = Monitor(clock);
        string[] early = [.. new[] { Sky.Sun, Sky.Rain, Sky.Rain }.Select(sky => monitor.ObservePrediction(new Forecasted { Sky = sky, Confidence = 0.9 })!)];
        clock.Advance(TimeSpan.FromHours(1));
        monitor.CheckDrift();
        string late = monitor.ObservePrediction(new Forecasted { Sky = Sky.Snow, Confidence = 0.6 })!;
        clock.Advance(TimeSpan.FromHours(1));
        monitor.CheckDrift();

        // All labels arrive in the third window: the first three belong to window 0, the last to window 1.
        clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel(early[0], Sky.Sun));
        Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel(early[1], Sky.Snow));
        Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel(early[2], Sky.Rain));
        Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel(late, Sky.Snow));

        PerformanceReport report = monitor.Performance()!;
        Assert.Equal(["Sun", "Rain", "Snow"], report.Classes);
        Assert.Equal([0L, 1, 2], report.Windows.Select(w => w.Window));
        PerformanceWindow first = report.Windows[0];
        Assert.Equal((3L, 3L, 1.0), (first.Predictions!.Value, first.Labels, first.Completeness!.Value));
        Assert.Equal(2.0 / 3, first.Classification!.Accuracy, 12);
        Assert.Equal(Start, first.OpenedAt);
        Assert.Equal(Start.AddHours(1), first.ClosedAt);
        // Each label arrived 7 or 6 hours after its prediction.
        Assert.Equal(7 * 3600, first.MeanLabelDelaySeconds!.Value, 6);
        Assert.Equal([[1L, 0, 0], [0, 1, 0], [0, 1, 0]], first.ConfusionMatrix!.Select(row => row.ToArray()).ToArray());
        PerformanceWindow second = report.Windows[1];
        Assert.Equal((1L, 1L, 1.0), (second.Predictions!.Value, second.Labels, second.Classification!.Accuracy));
        Assert.Equal(0, report.Windows[2].Labels);
        Assert.Null(report.Windows[2].ClosedAt);
        Assert.Equal(4, report.Cumulative.Labels);
        Assert.Equal(0.75, report.Cumulative.Classification!.Accuracy, 12);
        Assert.Equal(1.0, report.Cumulative.Completeness!.Value, 12);
    }

    [Fact]
    public void Every_outcome_is_counted_per_source_and_sources_never_mix()
    {
        var clock = new FakeTimeProvider(Start);
        using ForecastedMonitor monitor = Monitor(clock);
        string id = monitor.ObservePrediction(new Forecasted { Sky = Sky.Rain, Confidence = 0.8 })!;

        Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel(id, Sky.Sun, LabelSource.Programmatic));
        Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel(id, Sky.Rain));
        Assert.Equal(LabelOutcome.Duplicate, monitor.RecordLabel(id, Sky.Rain));
        Assert.Equal(LabelOutcome.Unmatched, monitor.RecordLabel("not an id", Sky.Rain));
        Assert.Equal(LabelOutcome.Unmatched, monitor.RecordLabel("00000000000000ff", Sky.Rain));
        Assert.Equal(LabelOutcome.Rejected, monitor.RecordLabel(id, (Sky)42, LabelSource.Hand));

        LabelJoin labels = monitor.Labels!;
        Assert.Equal((1L, 1L, 2L, 0L, 0L), (labels.Count(LabelSource.Natural, LabelOutcome.Matched), labels.Count(LabelSource.Natural, LabelOutcome.Duplicate),
            labels.Count(LabelSource.Natural, LabelOutcome.Unmatched), labels.Count(LabelSource.Natural, LabelOutcome.Late), labels.Count(LabelSource.Natural, LabelOutcome.Rejected)));
        Assert.Equal(4, labels.Received(LabelSource.Natural));
        Assert.Equal(1, labels.Count(LabelSource.Hand, LabelOutcome.Rejected));
        Assert.Equal(1, labels.Count(LabelSource.Programmatic, LabelOutcome.Matched));
        Assert.Equal(1.0, monitor.Performance(LabelSource.Natural)!.Cumulative.Classification!.Accuracy);
        Assert.Equal(0.0, monitor.Performance(LabelSource.Programmatic)!.Cumulative.Classification!.Accuracy);
        Assert.Equal(0, monitor.Performance(LabelSource.Hand)!.Cumulative.Labels);
    }

    [Fact]
    public void A_natural_label_judges_the_programmatic_label_that_came_first()
    {
        using ForecastedMonitor monitor = Monitor(new FakeTimeProvider(Start));
        string[] ids = [.. Enumerable.Range(0, 4).Select(_ => monitor.ObservePrediction(new Forecasted { Sky = Sky.Rain })!)];
        monitor.RecordLabel(ids[0], Sky.Rain, LabelSource.Programmatic);
        monitor.RecordLabel(ids[1], Sky.Sun, LabelSource.Programmatic);
        monitor.RecordLabel(ids[2], Sky.Snow, LabelSource.Programmatic);
        foreach (string id in ids)
        {
            monitor.RecordLabel(id, Sky.Rain);
        }

        PerformanceWindow natural = monitor.Performance()!.Cumulative;
        // Three programmatic labels were judged (the fourth prediction had none), one of them right.
        Assert.Equal((3L, 1.0 / 3), (natural.ProgrammaticLabelsJudged, natural.ProgrammaticLabelAccuracy!.Value));
        PerformanceWindow programmatic = monitor.Performance(LabelSource.Programmatic)!.Cumulative;
        Assert.Equal(3, programmatic.Labels);
        Assert.Equal(1.0 / 3, programmatic.Classification!.Accuracy, 12);
        Assert.Equal(0, programmatic.ProgrammaticLabelsJudged);
    }

    [Fact]
    public void A_label_past_the_horizon_or_pushed_out_of_the_table_is_late()
    {
        var clock = new FakeTimeProvider(Start);
        // Two slots at least, of 2 entries each once rounded: the third prediction of a slot pushes the first out.
        using ForecastedMonitor monitor = Monitor(clock, capacity: 1, horizon: TimeSpan.FromHours(1));
        string old = monitor.ObservePrediction(new Forecasted { Sky = Sky.Sun })!;
        clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(0, monitor.Labels!.Table.Pending(monitor.Labels.Clock.UtcTicks));
        Assert.Equal(LabelOutcome.Late, monitor.RecordLabel(old, Sky.Sun));

        string[] ids = [.. Enumerable.Range(0, 64).Select(_ => monitor.ObservePrediction(new Forecasted { Sky = Sky.Rain })!)];
        Assert.Equal(LabelOutcome.Late, monitor.RecordLabel(ids[0], Sky.Rain));
        Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel(ids[^1], Sky.Rain));
        Assert.Equal(2, monitor.Labels.Count(LabelSource.Natural, LabelOutcome.Late));
    }

    [Fact]
    public void A_json_label_is_parsed_by_the_predictions_type_and_a_bad_one_is_rejected_with_a_reason()
    {
        var clock = new FakeTimeProvider(Start);
        using ForecastedMonitor monitor = Monitor(clock);
        string id = monitor.ObservePrediction(new Forecasted { Sky = Sky.Snow })!;

        Assert.Equal(LabelOutcome.Rejected, monitor.RecordLabel(id, Json("3"), LabelSource.Natural, out string? reason));
        Assert.Contains("not a string", reason);
        Assert.Equal(LabelOutcome.Rejected, monitor.RecordLabel(id, Json("\"Hail\""), LabelSource.Natural, out reason));
        Assert.Contains("not a class", reason);
        // camelCase, as a JSON client writes an enum, is the class when unambiguous.
        Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel(id, Json("\"snow\""), LabelSource.Natural, out reason));
        Assert.Null(reason);
        Assert.Equal(LabelOutcome.Duplicate, monitor.RecordLabel(id, Json("\"Snow\""), LabelSource.Natural, out reason));
        Assert.Contains("already", reason);
    }

    [Fact]
    public void A_regressors_labels_give_its_errors()
    {
        var clock = new FakeTimeProvider(Start);
        ReferenceProfile profile = Priced.FitProfile(Enumerable.Range(0, 100).Select(i => new Priced { Price = i }));
        using var monitor = new PricedMonitor(profile, new MonitorOptions { TimeProvider = clock });
        string a = monitor.ObservePrediction(new Priced { Price = 10 })!;
        string b = monitor.ObservePrediction(new Priced { Price = 20 })!;
        Assert.Null(monitor.ObservePrediction(new Priced { Price = double.NaN }));

        Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel(a, 12));
        Assert.Equal(LabelOutcome.Rejected, monitor.RecordLabel(b, double.PositiveInfinity));
        Assert.Equal(LabelOutcome.Rejected, monitor.RecordLabel(b, Json("\"20\""), LabelSource.Natural, out _));
        Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel(b, Json("16"), LabelSource.Natural, out _));

        RegressionMetrics metrics = monitor.Performance()!.Cumulative.Regression!;
        Assert.Equal(2, metrics.Count);
        Assert.Equal(3, metrics.MeanAbsoluteError, 12);
        Assert.Equal(Math.Sqrt(10), metrics.RootMeanSquaredError, 12);
        Assert.Equal(1, metrics.MeanError, 12);
        Assert.True(monitor.Performance()!.IsRegression);
    }

    [Fact]
    public void A_string_classifier_learns_its_classes_from_predictions_and_labels()
    {
        ReferenceProfile profile = Tagged.FitProfile([new Tagged { Tag = "a" }]);
        using var monitor = new TaggedMonitor(profile);
        string a = monitor.ObservePrediction(new Tagged { Tag = "cat" })!;
        string b = monitor.ObservePrediction(new Tagged { Tag = "cat" })!;
        Assert.Null(monitor.ObservePrediction(new Tagged { Tag = null }));

        Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel(a, "cat"));
        // A class the model never predicted still counts: its recall is what a user needs to see.
        Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel(b, "dog"));

        PerformanceReport report = monitor.Performance()!;
        Assert.Equal(["cat", "dog"], report.Classes);
        ClassificationMetrics metrics = report.Cumulative.Classification!;
        Assert.Equal(["cat", "dog"], metrics.PerClass.Select(c => c.Name));
        Assert.Equal((0.5, 1.0), (metrics.PerClass[0].Precision, metrics.PerClass[0].Recall));
        Assert.Equal((0.0, 0.0, 1L), (metrics.PerClass[1].Precision, metrics.PerClass[1].Recall, metrics.PerClass[1].Support));
    }

    [Fact]
    public void A_binary_classifier_with_a_score_gets_log_loss_and_roc_auc()
    {
        ReferenceProfile profile = Flagged.FitProfile([new Flagged { Fraud = true, Probability = 0.9f }]);
        using var monitor = new FlaggedMonitor(profile);
        // P(fraud) = 0.9, 0.2, 0.6 (the last predicted not-fraud with 0.4, so fraud has 0.6) for actuals T, F, T.
        string a = monitor.ObservePrediction(new Flagged { Fraud = true, Probability = 0.9f })!;
        string b = monitor.ObservePrediction(new Flagged { Fraud = false, Probability = 0.8f })!;
        string c = monitor.ObservePrediction(new Flagged { Fraud = false, Probability = 0.4f })!;
        monitor.RecordLabel(a, true);
        monitor.RecordLabel(b, false);
        monitor.RecordLabel(c, true);

        PerformanceWindow cumulative = monitor.Performance()!.Cumulative;
        double expected = -(Math.Log(0.9f) + Math.Log(1 - (1 - 0.8f)) + Math.Log(1 - 0.4f)) / 3;
        Assert.Equal(expected, cumulative.LogLoss!.Value, 6);
        Assert.Equal(1.0, cumulative.RocAuc!.Value, 12);
    }

    /// <summary>With a hand-label budget, a plain <c>Observe</c> stores its prediction (the queue may ask for it), with no allocation.</summary>
    [Fact]
    public void Observing_a_prediction_with_labels_on_allocates_nothing()
    {
        using var monitor = new ForecastedMonitor(ForecastProfile, new MonitorOptions
        {
            TimeProvider = new FakeTimeProvider(Start),
            LabelCapacity = 1 << 16,
            HandLabelBudget = 10,
        });
        var row = new Forecasted { Sky = Sky.Rain, Confidence = 0.7 };
        Assert.Equal(0, Allocations.LeastOf(() =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                monitor.Observe(row);
            }
        }));
        Assert.True(monitor.Labels!.Table.Pending(monitor.Labels.Clock.UtcTicks) > 0);
    }

    /// <summary>A generated id is known only to the caller of <c>ObservePrediction</c>: the prediction of a plain
    /// <c>Observe</c> could never be labelled, so it is not stored, and does not push out one that can be.</summary>
    [Fact]
    public void A_plain_observe_stores_no_prediction_that_nobody_can_name()
    {
        var clock = new FakeTimeProvider(Start);
        using ForecastedMonitor monitor = Monitor(clock, capacity: 8);
        string id = monitor.ObservePrediction(new Forecasted { Sky = Sky.Rain, Confidence = 0.7 })!;
        for (int i = 0; i < 100; i++)
        {
            monitor.Observe(new Forecasted { Sky = Sky.Sun, Confidence = 0.6 });
        }

        Assert.Equal(1, monitor.Labels!.Table.Pending(clock.GetUtcNow().UtcTicks));
        Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel(id, Sky.Rain));
        Assert.Equal(101, monitor.ObservedRows);
    }

    [Fact]
    public void With_labels_off_there_is_no_id_no_report_and_a_label_is_a_clear_error()
    {
        using var monitor = new ForecastedMonitor(ForecastProfile, new MonitorOptions { LabelCapacity = 0 });
        Assert.Null(monitor.ObservePrediction(new Forecasted { Sky = Sky.Sun }));
        Assert.Null(monitor.Performance());
        var error = Assert.Throws<InvalidOperationException>(() => monitor.RecordLabel("0000000000000000", Sky.Sun));
        Assert.Contains("LabelCapacity", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ForecastedMonitor(ForecastProfile, new MonitorOptions { LabelHorizon = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ForecastedMonitor(ForecastProfile, new MonitorOptions { LabelCapacity = -1 }));
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
