using System;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace MonitorGen.AspNetCore.Tests;

/// <summary>
/// A failure inside the monitoring (a log sink that throws, a drift check that throws, a gauge callback that throws)
/// never fails a request or the drift schedule; MonitorGen's own failures are counted on <c>monitorgen.self.errors</c>.
/// </summary>
[Collection(nameof(MetricsCollection))]
public sealed class FaultTests
{
    private const string SelfErrors = "monitorgen_self_errors_total";

    [Fact]
    public async Task A_log_sink_that_throws_fails_no_request_and_no_check_and_each_lost_event_is_counted()
    {
        var sink = new ThrowingLoggerProvider();
        await using WeatherApp app = await WeatherApp.StartAsync(host: builder =>
        {
            // Only MonitorGen's own categories go to the broken sink; ASP.NET Core's logging is not under test.
            builder.Logging.ClearProviders().AddProvider(sink).SetMinimumLevel(LogLevel.Debug)
                .AddFilter("Microsoft", LogLevel.None).AddFilter("System", LogLevel.None);
        });
        double before = (await app.ScrapeAsync()).Sum(SelfErrors, ("source", "log"), ("model", "seattle-weather"));

        // Each NaN is a data-quality event, logged at Debug: the sink throws on each.
        WeatherObservation[] rows = SeattleWeather.Winter.Take(120).Select((r, i) => i % 10 == 0 ? r with { TempMax = double.NaN } : r).ToArray();
        await app.PostAsync(rows);
        using (JsonDocument check = await app.CheckAsync())
        {
            JsonElement report = EndToEndTests.SingleModel(check).GetProperty("report");
            // Drift is logged as a warning per drifted feature: the sink throws on each, and the report stands.
            Assert.True(report.GetProperty("datasetDrift").GetBoolean());
            Assert.Equal(12, report.GetProperty("rowsWithIssues").GetInt64());
        }

        DriftReport last = app.Monitor.LastReport!;
        PrometheusText scrape = await app.ScrapeAsync();
        Assert.Equal(12 + last.DriftedFeatures, scrape.Sum(SelfErrors, ("source", "log"), ("model", "seattle-weather")) - before);
        Assert.Equal(rows.Length, scrape.Single("monitorgen_predictions_total", ("model", "seattle-weather")));
        Assert.True(sink.Logger.Throws >= 12 + last.DriftedFeatures);
    }

    [Fact]
    public async Task A_drift_check_that_throws_is_counted_and_neither_the_endpoint_nor_the_schedule_nor_the_window_is_lost()
    {
        var clock = new FailingClock();
        await using WeatherApp app = await WeatherApp.StartAsync(
            o => o.CheckInterval = TimeSpan.FromMilliseconds(50),
            services: s => s.AddMonitorGen().AddModel(_ => new WindObservationMonitor(HostingTests.WindProfile(), new MonitorOptions { TimeProvider = clock })));
        DriftCheckService service = app.App.Services.GetRequiredService<DriftCheckService>();
        WindObservationMonitor wind = app.App.Services.GetRequiredService<WindObservationMonitor>();

        clock.Failing = true;
        HostingTests.ObserveStrongWind(wind, 40);
        await app.PostAsync(SeattleWeather.Spread(SeattleWeather.SummerHeldOut, 30));

        using (HttpResponseMessage response = await app.Client.PostAsync("/monitoring/drift/check", null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using JsonDocument body = await WeatherApp.ReadJsonAsync(response);
            JsonElement[] models = body.RootElement.GetProperty("models").EnumerateArray().ToArray();
            JsonElement windModel = Assert.Single(models, m => m.GetProperty("model").GetString() == "seattle-wind");
            Assert.Equal(JsonValueKind.Null, windModel.GetProperty("report").ValueKind);
            Assert.Contains("failed", windModel.GetProperty("error").GetString());
            Assert.Equal(JsonValueKind.Object, Assert.Single(models, m => m.GetProperty("model").GetString() == "seattle-weather").GetProperty("report").ValueKind);
        }

        // The schedule goes on failing, round after round, and counts each failure.
        long rounds = service.CompletedRounds;
        await HostingTests.PollAsync(() => service.CompletedRounds >= rounds + 3);
        double failures = (await app.ScrapeAsync()).Sum(SelfErrors, ("source", "drift_check"), ("model", "seattle-wind"));
        Assert.True(failures >= 4, $"{failures} drift-check failures counted.");
        Assert.Null(wind.LastReport);
        Assert.Equal(40, wind.WindowRows);

        // Once the clock is back, the next round checks the window that was kept.
        clock.Failing = false;
        await HostingTests.PollAsync(() => wind.LastReport is not null);
        Assert.Equal(40, wind.LastReport!.Rows);
        Assert.True(wind.LastReport.DatasetDrift);
        await app.PostAsync(SeattleWeather.Summer.Take(1));
    }

    [Fact]
    public async Task A_gauge_callback_that_throws_in_the_same_meter_provider_does_not_break_the_scrape()
    {
        using var faulty = new Meter("MonitorGen.Tests.Faulty");
        faulty.CreateObservableGauge<double>("faulty.gauge", (Func<double>)(() => throw new InvalidOperationException("The gauge's source is down.")));
        await using WeatherApp app = await WeatherApp.StartAsync(services: s => s.AddOpenTelemetry().WithMetrics(m => m.AddMeter(faulty.Name)));
        await app.PostAsync(SeattleWeather.Winter.Take(60));
        (await app.CheckAsync()).Dispose();

        PrometheusText scrape = await app.ScrapeAsync();
        Assert.Equal(1, scrape.Single("monitorgen_drift_dataset", ("model", "seattle-weather")));
        Assert.Equal(60, scrape.Single("monitorgen_predictions_total", ("model", "seattle-weather")));
        await app.PostAsync(SeattleWeather.Winter.Take(1));
    }
}
