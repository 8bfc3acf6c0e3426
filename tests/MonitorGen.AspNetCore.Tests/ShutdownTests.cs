using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

namespace MonitorGen.AspNetCore.Tests;

/// <summary>A deploy loses nothing: stopping the host checks the open window, then flushes the exporters.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Stopping_the_host_checks_the_open_window_and_then_flushes_the_exporters()
    {
        var exported = new List<Metric>();
        await using WeatherApp app = await WeatherApp.StartAsync(
            services: s => s.AddOpenTelemetry().WithMetrics(m => m.AddReader(
                // An hour between exports: only a flush can export within the test.
                new PeriodicExportingMetricReader(new InMemoryExporter<Metric>(exported), exportIntervalMilliseconds: 3_600_000))));
        await app.PostAsync(SeattleWeather.Winter.Take(60));
        Assert.Null(app.Monitor.LastReport);

        await app.App.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(60, app.Monitor.LastReport?.Rows);
        Assert.True(app.Monitor.LastReport!.DatasetDrift);
        // The drift gauges exist only once a report does, so their export shows the flush came after the final check.
        Assert.Contains(exported, m => m.Name == "monitorgen.drift.dataset");
        Assert.Contains(exported, m => m.Name == "monitorgen.predictions");
    }

    [Fact]
    public async Task With_a_state_path_a_host_stopped_mid_window_goes_on_after_a_restart_and_its_next_check_covers_both_runs()
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"monitorgen-host-{System.Guid.NewGuid():N}.monitorstate.json");
        try
        {
            // One profile for both runs: a state observed against another profile (a refit) is refused.
            ReferenceProfile profile = SeattleWeather.SummerProfile;
            await using (WeatherApp first = await WeatherApp.StartAsync(profile: profile, monitorOptions: new MonitorOptions { StatePath = path }))
            {
                await first.PostAsync(SeattleWeather.Winter.Take(20));
                await first.App.StopAsync(TestContext.Current.CancellationToken);
                // The window was saved, not closed.
                Assert.Null(first.Monitor.LastReport);
            }

            await using WeatherApp second = await WeatherApp.StartAsync(profile: profile, monitorOptions: new MonitorOptions { StatePath = path });
            await second.PostAsync(SeattleWeather.Winter.Skip(20).Take(25));
            using System.Text.Json.JsonDocument report = await second.CheckAsync();

            DriftReport? last = second.Monitor.LastReport;
            Assert.Equal(45, last?.Rows);
            Assert.All(last!.Features.Where(f => f.Feature != "Wind"), f => Assert.Equal(45, f.CurrentCount));
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public async Task The_final_check_can_be_turned_off()
    {
        await using WeatherApp app = await WeatherApp.StartAsync(o => o.CheckOnShutdown = false);
        await app.PostAsync(SeattleWeather.Winter.Take(60));

        await app.App.StopAsync(TestContext.Current.CancellationToken);

        Assert.Null(app.Monitor.LastReport);
    }
}
