using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using MonitorGen.Telemetry;
using SeattleWeatherService;
using SeattleWeatherService.Replay;

namespace MonitorGen.IntegrationTests.ExampleService;

/// <summary>
/// The series a model may put on <c>/metrics</c>, as the formula of docs/fleet.md ("A cardinality budget") states it from
/// its records' features, bins, categories and KPIs, against the example service's real scrape after the whole replay.
/// The service runs in its own process, so that no other test's monitor is on its <c>/metrics</c>.
/// </summary>
public sealed class CardinalityBudgetTests
{
    // docs/fleet.md: the prediction-duration histogram's 19 boundaries give 20 buckets, a sum and a count.
    private const int DurationSeries = 22;

    [Fact]
    public async Task The_example_stays_within_its_stated_series_budget_after_the_whole_replay()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using ExampleReplica service = await ExampleReplica.StartAsync(cancel);
        ReplayPlan plan = ReplayPlan.Create(WeatherCsv.ReadEmbedded().Days, windowSize: 30, inDistributionWindows: 6);
        foreach (ReplayWindow window in plan.Windows)
        {
            await service.PredictAsync(window.Days.Select(d => d.Features), cancel);
            (await service.CheckAsync(cancel)).Dispose();
        }

        using HttpResponseMessage response = await service.Client.GetAsync("metrics", cancel);
        string[] series = (await response.Content.ReadAsStringAsync(cancel)).Split('\n')
            .Where(line => line.StartsWith("monitorgen_", StringComparison.Ordinal)).ToArray();

        ReferenceProfile features = ReferenceProfile.Load(Path.Combine(AppContext.BaseDirectory, WeatherService.FeaturesProfileFile));
        ReferenceProfile forecast = ReferenceProfile.Load(Path.Combine(AppContext.BaseDirectory, WeatherService.ForecastProfileFile));
        int kpiBuckets = forecast.Features.Single(f => f.Name == "Confidence").Cuts.Length;
        int budget = RecordBudget(features, kpis: 0, kpiBuckets: 0) + RecordBudget(forecast, kpis: 1, kpiBuckets) + LabelBudget(metrics: 3)
            + DurationSeries + SelfErrorSourceCount() + 1 /* prediction errors: none yet, so the one series at 0 */;

        Assert.True(series.Length <= budget, $"{series.Length} series, over the budget of {budget}:\n{string.Join("\n", series)}");
        // The parts that are there whatever the traffic: exactly as the formula says.
        Assert.Equal(Bins(features) + Bins(forecast), series.Count(s => s.StartsWith("monitorgen_feature_bin_rows_total{", StringComparison.Ordinal)));
        Assert.Equal(2, series.Count(s => s.StartsWith("monitorgen_predictions_total{", StringComparison.Ordinal)));
        // The error counter exists before the first error: one series at 0, without error_type.
        string errors = Assert.Single(series, s => s.StartsWith("monitorgen_prediction_errors_total{", StringComparison.Ordinal));
        Assert.EndsWith(" 0", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("error_type", errors, StringComparison.Ordinal);
        Assert.Equal(kpiBuckets + 3, series.Count(s => s.StartsWith("monitorgen_kpi_confidence", StringComparison.Ordinal)));
        Assert.Equal(features.Features.Count + forecast.Features.Count, series.Count(s => s.StartsWith("monitorgen_drift_detected{", StringComparison.Ordinal)));
        // The forecasts' label counters, 6 outcomes × 3 sources, are there at 0 before any label; so is the pending gauge.
        Assert.Equal(LabelCounters, series.Count(s => s.StartsWith("monitorgen_labels_", StringComparison.Ordinal) && s.Contains("_total{", StringComparison.Ordinal)));
        Assert.Single(series, s => s.StartsWith("monitorgen_labels_pending{", StringComparison.Ordinal));
    }

    // docs/fleet.md, L_r: the label counters, the pending gauge, up to 3 completeness gauges, up to 3 delay histograms of
    // 15 boundaries (16 buckets, a sum and a count), and the window and cumulative performance gauges per source and metric.
    private const int LabelCounters = 6 * 3;

    private static int LabelBudget(int metrics) => LabelCounters + 1 + 3 + (3 * 18) + (2 * 3 * metrics);

    // A record: its prediction counter and dataset gauge; per feature its bins, score and detection, and up to four
    // data-quality counters (a KPI member too); per KPI its buckets, the +Inf bucket, the sum and the count.
    private static int RecordBudget(ReferenceProfile profile, int kpis, int kpiBuckets) =>
        2 + Bins(profile) + (2 * profile.Features.Count) + (4 * (profile.Features.Count + kpis)) + (kpis * (kpiBuckets + 3));

    private static int Bins(ReferenceProfile profile) =>
        profile.Features.Sum(f => f.Kind == FeatureKind.Numerical ? f.BinCounts.Length : f.Categories.Length + 1);

    private static int SelfErrorSourceCount() =>
        typeof(SelfErrorSources).GetFields().Count(f => f.IsLiteral && f.FieldType == typeof(string));
}
