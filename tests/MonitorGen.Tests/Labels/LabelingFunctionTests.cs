using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MonitorGen.Labels;
using MonitorGen.Performance;
using MonitorGen.Tests.Records;

namespace MonitorGen.Tests.Labels;

/// <summary>
/// Labeling functions on observed rows (issue 12, §7): the generated <c>AddLabelingFunction</c> runs them off the hot
/// path, their figures follow Snorkel's <c>LFAnalysis</c> definitions (the same as <see cref="LabelingFunctionStatistics"/>,
/// checked against Snorkel's by <c>LabelingFunctionStatisticsTests</c>), their majority vote is the programmatic label,
/// kept apart from the natural labels, and the natural labels that follow judge each function.
/// </summary>
public sealed class LabelingFunctionTests
{
    private static readonly DateTimeOffset Start = ForecastedProfile.Start;

    private static ReferenceProfile Profile => ForecastedProfile.Reference;

    private static ForecastedMonitor Monitor() => new(Profile, new MonitorOptions { TimeProvider = new FakeTimeProvider(Start), LabelCapacity = 1024 });

    // Rows and the true weather: the forecast is right when confident.
    private static readonly (Forecasted Row, Sky Truth)[] Days =
    [
        (new Forecasted { Sky = Sky.Sun, Confidence = 0.95 }, Sky.Sun),
        (new Forecasted { Sky = Sky.Rain, Confidence = 0.90 }, Sky.Rain),
        (new Forecasted { Sky = Sky.Rain, Confidence = 0.55 }, Sky.Snow),
        (new Forecasted { Sky = Sky.Sun, Confidence = 0.50 }, Sky.Rain),
        (new Forecasted { Sky = Sky.Snow, Confidence = 0.70 }, Sky.Snow),
        (new Forecasted { Sky = Sky.Sun, Confidence = 0.85 }, Sky.Rain),
    ];

    private static ForecastedMonitor WithFunctions()
    {
        ForecastedMonitor monitor = Monitor();
        monitor.AddLabelingFunction("confident", row => row.Confidence >= 0.85 ? row.Sky : null);
        monitor.AddLabelingFunction("doubtful-means-snow", row => row.Confidence < 0.6 ? Sky.Snow : null);
        monitor.AddLabelingFunction("throws-on-snow", row => row.Sky == Sky.Snow ? throw new InvalidOperationException("a bug in a rule") : Sky.Rain);
        return monitor;
    }

    [Fact]
    public void The_functions_figures_follow_snorkels_definitions_and_natural_labels_judge_them()
    {
        using ForecastedMonitor monitor = WithFunctions();
        string[] ids = [.. Days.Select(d => monitor.ObservePrediction(d.Row)!)];
        LabelingFunctionReport before = monitor.Performance(LabelSource.Programmatic)!.LabelingFunctions!;
        foreach ((string id, Sky truth) in ids.Zip(Days.Select(d => d.Truth)))
        {
            Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel(id, truth));
        }

        PerformanceReport programmatic = monitor.Performance(LabelSource.Programmatic)!;
        LabelingFunctionReport report = programmatic.LabelingFunctions!;

        // The same votes through the statistics that the Snorkel fixtures check: the snow row's third vote abstains.
        int[][] votes =
        [
            [(int)Sky.Sun, -1, (int)Sky.Rain],
            [(int)Sky.Rain, -1, (int)Sky.Rain],
            [-1, (int)Sky.Snow, (int)Sky.Rain],
            [-1, (int)Sky.Snow, (int)Sky.Rain],
            [-1, -1, -1],
            [(int)Sky.Sun, -1, (int)Sky.Rain],
        ];
        var expected = new LabelingFunctionStatistics(["confident", "doubtful-means-snow", "throws-on-snow"]);
        for (int i = 0; i < votes.Length; i++)
        {
            expected.Add(votes[i], (int)Days[i].Truth);
        }

        Assert.Equal(6, before.Rows);
        Assert.Equal([0L, 0, 0], before.Functions.Select(f => f.Correct + f.Incorrect));
        Assert.Equal((6L, expected.LabelCoverage, expected.LabelOverlap, expected.LabelConflict, 0L), (report.Rows, report.Coverage, report.Overlap, report.Conflict, report.Skipped));
        Assert.Equal(["confident", "doubtful-means-snow", "throws-on-snow"], report.Functions.Select(f => f.Name));
        for (int j = 0; j < 3; j++)
        {
            LabelingFunctionSummary function = report.Functions[j];
            Assert.Equal((expected.Coverage(j), expected.Overlaps(j), expected.Conflicts(j)), (function.Coverage, function.Overlaps, function.Conflicts));
            Assert.Equal((expected.Correct(j), expected.Incorrect(j), expected.EmpiricalAccuracy(j)), (function.Correct, function.Incorrect, function.EmpiricalAccuracy));
        }

        Assert.Equal(["Sun", "Rain"], report.Functions[0].Polarity);
        Assert.Equal((2L, 1L), (report.Functions[0].Correct, report.Functions[0].Incorrect));
        Assert.Equal(5.0 / 6, report.Coverage, 12);

        // The majority votes: Sun vs Rain ties (rows 0 and 5), Rain, Snow vs Rain ties twice, none on the snow row: one label.
        Assert.Equal(1, programmatic.Cumulative.Labels);
        Assert.Equal(1.0, programmatic.Cumulative.Classification!.Accuracy, 12);
        // The natural labels are their own source, untouched by the functions.
        PerformanceReport natural = monitor.Performance()!;
        Assert.Equal(6, natural.Cumulative.Labels);
        Assert.Null(natural.LabelingFunctions);
    }

    [Fact]
    public void The_majority_vote_is_recorded_as_the_programmatic_label_and_judged_by_the_natural_one()
    {
        using ForecastedMonitor monitor = Monitor();
        monitor.AddLabelingFunction("a", row => row.Confidence >= 0.8 ? Sky.Sun : null);
        monitor.AddLabelingFunction("b", row => row.Confidence >= 0.9 ? Sky.Sun : Sky.Rain);
        monitor.AddLabelingFunction("c", _ => Sky.Sun);
        string confident = monitor.ObservePrediction(new Forecasted { Sky = Sky.Sun, Confidence = 0.95 })!;
        string split = monitor.ObservePrediction(new Forecasted { Sky = Sky.Sun, Confidence = 0.5 })!;
        // Three votes for Sun on the first; on the second a abstains and b (Rain) ties with c (Sun): no label.
        Assert.Equal(1, monitor.Performance(LabelSource.Programmatic)!.Cumulative.Labels);
        Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel(confident, Sky.Rain));
        Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel(split, Sky.Rain));

        // The natural label judges the programmatic one it followed: Sun, where it rained.
        PerformanceWindow natural = monitor.Performance()!.Cumulative;
        Assert.Equal(2, natural.Labels);
        Assert.Equal(1, natural.ProgrammaticLabelsJudged);
        Assert.Equal(0.0, natural.ProgrammaticLabelAccuracy!.Value, 12);
    }

    [Fact]
    public void Functions_are_added_before_the_first_row_under_distinct_names()
    {
        using ForecastedMonitor monitor = Monitor();
        monitor.AddLabelingFunction("a", _ => Sky.Sun);
        Assert.Throws<ArgumentException>(() => monitor.AddLabelingFunction("a", _ => Sky.Rain));
        Assert.Throws<ArgumentNullException>(() => monitor.AddLabelingFunction("b", null!));
        monitor.Observe(new Forecasted { Sky = Sky.Sun, Confidence = 0.9 });
        InvalidOperationException late = Assert.Throws<InvalidOperationException>(() => monitor.AddLabelingFunction("c", _ => Sky.Rain));
        Assert.Contains("before the first row", late.Message, StringComparison.Ordinal);
    }

    /// <summary>Each label comes right after its row, before the functions' timer ran: the label runs them first, so that
    /// it judges their votes.</summary>
    [Fact]
    public void The_endpoints_json_carries_the_functions_figures()
    {
        using ForecastedMonitor monitor = WithFunctions();
        foreach ((Forecasted row, Sky truth) in Days)
        {
            monitor.RecordLabel(monitor.ObservePrediction(row)!, truth);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            monitor.Performance(LabelSource.Programmatic)!.WriteJson(writer);
        }

        using JsonDocument json = JsonDocument.Parse(Encoding.UTF8.GetString(buffer.ToArray()));
        JsonElement functions = json.RootElement.GetProperty("labelingFunctions");
        Assert.Equal(6, functions.GetProperty("rows").GetInt64());
        JsonElement confident = functions.GetProperty("functions")[0];
        Assert.Equal("confident", confident.GetProperty("name").GetString());
        Assert.Equal(["Sun", "Rain"], confident.GetProperty("polarity").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(2.0 / 3, confident.GetProperty("empiricalAccuracy").GetDouble(), 12);
        Assert.Equal(0.5, confident.GetProperty("coverage").GetDouble(), 12);
    }
}
