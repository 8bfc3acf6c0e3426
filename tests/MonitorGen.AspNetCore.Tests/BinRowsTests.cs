using System;
using System.Linq;
using System.Threading.Tasks;

namespace MonitorGen.AspNetCore.Tests;

/// <summary>
/// <c>monitorgen.feature.bin.rows</c> through the real OpenTelemetry Prometheus exporter: at 0 from start-up, then each
/// closed window's counts on the reference bins, added up check after check.
/// </summary>
[Collection(nameof(MetricsCollection))]
public sealed class BinRowsTests
{
    private const string BinRows = "monitorgen_feature_bin_rows_total";

    [Fact]
    public async Task The_bin_counters_start_at_zero_and_add_each_closed_window_on_the_reference_bins()
    {
        await using WeatherApp app = await WeatherApp.StartAsync();
        PrometheusText start = await app.ScrapeAsync();
        var series = start.Samples.Where(s => s.Name == BinRows).ToArray();
        // 4 numerical features of the profile's bins, and Weather's categories with "other".
        int expected = app.Monitor.Profile.Features.Sum(f => f.Kind == FeatureKind.Numerical ? f.BinCounts.Length : f.Categories.Length + 1);
        Assert.Equal(expected, series.Length);
        Assert.All(series, s => Assert.Equal(0, s.Value));
        Assert.All(series, s => Assert.Equal(("seattle-weather", "1.0", "WeatherObservation"), (s.Labels["model"], s.Labels["model_version"], s.Labels["record"])));
        Assert.Contains(series, s => s.Labels["feature"] == "Weather" && s.Labels["bin"] == "(other)");

        // Rows in the open window are not counted until a check closes it.
        await app.PostAsync(SeattleWeather.SummerHeldOut.Take(40));
        Assert.All((await app.ScrapeAsync()).Samples.Where(s => s.Name == BinRows), s => Assert.Equal(0, s.Value));
        (await app.CheckAsync()).Dispose();
        DriftReport first = app.Monitor.LastReport!;
        await app.PostAsync(SeattleWeather.Winter.Take(50));
        (await app.CheckAsync()).Dispose();
        DriftReport second = app.Monitor.LastReport!;

        PrometheusText scrape = await app.ScrapeAsync();
        foreach (FeatureDriftResult feature in second.Features)
        {
            FeatureDistribution a = first.Features.Single(f => f.Feature == feature.Feature).Distribution!;
            FeatureDistribution b = feature.Distribution!;
            for (int bin = 0; bin < b.Bins.Count; bin++)
            {
                string label = feature.Kind == FeatureKind.Numerical ? bin.ToString(System.Globalization.CultureInfo.InvariantCulture) : b.Bins[bin];
                double exported = scrape.Samples.Single(s => s.Name == BinRows && s.Labels["feature"] == feature.Feature && s.Labels["bin"] == label).Value;
                Assert.Equal(a.Current[bin] + b.Current[bin], exported);
            }

            Assert.Equal(90, scrape.Samples.Where(s => s.Name == BinRows && s.Labels["feature"] == feature.Feature).Sum(s => s.Value));
        }
    }
}
