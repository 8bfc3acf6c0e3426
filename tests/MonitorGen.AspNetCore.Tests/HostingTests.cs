using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonitorGen.Windows;

namespace MonitorGen.AspNetCore.Tests;

/// <summary>The hosted drift checks, several models, the prefix and the registration rules.</summary>
public sealed class HostingTests
{
    private static readonly TimeSpan PollLimit = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task The_hosted_service_checks_drift_on_its_own_at_each_interval_of_the_time_provider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using WeatherApp app = await WeatherApp.StartAsync(
            o => o.CheckInterval = TimeSpan.FromMinutes(5),
            services: s => s.AddSingleton<TimeProvider>(time));
        DriftCheckService service = app.App.Services.GetRequiredService<DriftCheckService>();

        await app.PostAsync(SeattleWeather.Spread(SeattleWeather.SummerHeldOut, 60));
        time.Advance(TimeSpan.FromMinutes(4));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(0, service.CompletedRounds);
        Assert.Null(app.Monitor.LastReport);

        time.Advance(TimeSpan.FromMinutes(1));
        await PollAsync(() => service.CompletedRounds >= 1);
        using (JsonDocument drift = await app.GetDriftAsync())
        {
            JsonElement report = EndToEndTests.SingleModel(drift).GetProperty("report");
            Assert.Equal(60, report.GetProperty("rows").GetInt64());
            Assert.False(report.GetProperty("datasetDrift").GetBoolean());
        }

        await app.PostAsync(SeattleWeather.Winter.Take(100));
        time.Advance(TimeSpan.FromMinutes(5));
        await PollAsync(() => service.CompletedRounds >= 2);
        var (status, health) = await app.GetHealthAsync();
        using (health)
        {
            Assert.True(status == 200, health.RootElement.GetRawText());
            Assert.Equal("Degraded", health.RootElement.GetProperty("status").GetString());
            Assert.Equal(100, health.RootElement.GetProperty("checks")[0].GetProperty("report").GetProperty("rows").GetInt64());
        }
    }

    [Fact]
    public async Task A_monitor_with_a_count_window_is_checked_only_once_its_window_is_due()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using WeatherApp app = await WeatherApp.StartAsync(
            o => o.CheckInterval = TimeSpan.FromMinutes(1),
            services: s =>
            {
                s.AddSingleton<TimeProvider>(time);
                s.AddMonitorGen().AddModel(_ => new WindObservationMonitor(WindProfile(), new MonitorOptions { Window = WindowPolicy.TumblingCount(50) }));
            });
        DriftCheckService service = app.App.Services.GetRequiredService<DriftCheckService>();
        WindObservationMonitor wind = app.App.Services.GetRequiredService<WindObservationMonitor>();

        ObserveStrongWind(wind, 30);
        // The service starts its timer on a background thread: tick until a round has run.
        await AdvanceUntilAsync(time, () => service.CompletedRounds >= 1);
        Assert.Null(wind.LastReport);
        Assert.Equal(30, wind.WindowRows);
        // The manual-window model is checked every round all the same.
        Assert.NotNull(app.Monitor.LastReport);

        ObserveStrongWind(wind, 30);
        long rounds = service.CompletedRounds;
        await AdvanceUntilAsync(time, () => service.CompletedRounds > rounds);
        Assert.Equal(60, wind.LastReport?.Rows);
        Assert.Equal(0, wind.WindowRows);
    }

    [Fact]
    public async Task The_hosted_service_runs_on_the_system_clock_with_a_short_interval()
    {
        await using WeatherApp app = await WeatherApp.StartAsync(o => o.CheckInterval = TimeSpan.FromMilliseconds(100));
        DriftCheckService service = app.App.Services.GetRequiredService<DriftCheckService>();

        await app.PostAsync(SeattleWeather.Winter.Take(20));
        await PollAsync(() => service.CompletedRounds >= 3 && app.Monitor.WindowRows == 0);
        Assert.NotNull(app.Monitor.LastReport);
        Assert.Equal(20, app.Monitor.ObservedRows);
    }

    [Fact]
    public async Task Background_checks_can_be_disabled()
    {
        await using WeatherApp app = await WeatherApp.StartAsync(o =>
        {
            o.CheckInterval = TimeSpan.FromMilliseconds(20);
            o.EnableBackgroundChecks = false;
        });
        await app.PostAsync(SeattleWeather.Winter.Take(3));
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Null(app.Monitor.LastReport);
        Assert.Equal(3, app.Monitor.WindowRows);
    }

    internal static void ObserveStrongWind(WindObservationMonitor monitor, int count)
    {
        for (int i = 0; i < count; i++)
        {
            monitor.Observe(new WindObservation { Wind = 25 + (i % 17) });
        }
    }

    [Fact]
    public async Task Several_models_are_registered_checked_and_reported()
    {
        var unhealthyOther = false;
        await using WeatherApp app = await WeatherApp.StartAsync(services: s =>
        {
            s.AddMonitorGen().AddModel(_ => new WindObservationMonitor(WindProfile()));
            // A health check that is not MonitorGen's is not part of /health/drift.
            s.AddHealthChecks().AddCheck("database", () =>
            {
                unhealthyOther = true;
                return HealthCheckResult.Unhealthy("down");
            });
        });
        WindObservationMonitor wind = app.App.Services.GetRequiredService<WindObservationMonitor>();
        Assert.Equal(2, app.App.Services.GetServices<ModelMonitor>().Count());

        await app.PostAsync(SeattleWeather.Spread(SeattleWeather.SummerHeldOut, 60));
        foreach (WeatherObservation row in SeattleWeather.Winter.Take(120))
        {
            wind.Observe(new WindObservation { Wind = row.Wind * 3 });
        }

        using (JsonDocument check = await app.CheckAsync())
        {
            string[] models = check.RootElement.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("model").GetString()!).ToArray();
            Assert.Equal(["seattle-wind", "seattle-weather"], models);
        }

        var (status, health) = await app.GetHealthAsync();
        using (health)
        {
            Assert.Equal(200, status);
            Assert.Equal("Degraded", health.RootElement.GetProperty("status").GetString());
            JsonElement[] checks = health.RootElement.GetProperty("checks").EnumerateArray().ToArray();
            Assert.Equal(2, checks.Length);
            Assert.Equal("Degraded", checks.Single(c => c.GetProperty("name").GetString() == "seattle-wind/WindObservation").GetProperty("status").GetString());
            Assert.Equal("Healthy", checks.Single(c => c.GetProperty("name").GetString() == "seattle-weather/WeatherObservation").GetProperty("status").GetString());
        }

        Assert.False(unhealthyOther);
    }

    [Fact]
    public async Task Endpoints_live_under_the_prefix()
    {
        await using WeatherApp app = await WeatherApp.StartAsync(prefix: "ops/");

        using (HttpResponseMessage response = await app.Client.GetAsync("/health/live", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        await app.PostAsync(SeattleWeather.Spread(SeattleWeather.SummerHeldOut, 40));
        (await app.CheckAsync("/ops")).Dispose();
        var (status, health) = await app.GetHealthAsync("/ops");
        using (health)
        {
            Assert.Equal(200, status);
            Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        }

        using JsonDocument drift = await app.GetDriftAsync("/ops");
        Assert.Equal(40, EndToEndTests.SingleModel(drift).GetProperty("report").GetProperty("rows").GetInt64());
    }

    [Fact]
    public async Task The_check_endpoint_only_answers_post()
    {
        await using WeatherApp app = await WeatherApp.StartAsync();
        using HttpResponseMessage response = await app.Client.GetAsync("/monitoring/drift/check", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Null(app.Monitor.LastReport);
    }

    [Theory]
    [InlineData(0, 200)]
    [InlineData(-1000, 200)]
    [InlineData(1000, 42)]
    public async Task Invalid_options_fail_at_start(int intervalMs, int degradedStatus)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => WeatherApp.StartAsync(o =>
        {
            o.CheckInterval = TimeSpan.FromMilliseconds(intervalMs);
            o.Health.DegradedStatusCode = degradedStatus;
        }));
        Assert.Contains("MonitorGen:", error.Message);
    }

    [Fact]
    public void A_monitor_type_is_registered_once()
    {
        var services = new ServiceCollection();
        ReferenceProfile profile = WindProfile();
        services.AddMonitorGen().AddModel(_ => new WindObservationMonitor(profile));
        Assert.Throws<InvalidOperationException>(() => services.AddMonitorGen().AddModel(_ => new WindObservationMonitor(profile)));

        services.AddLogging();
        services.AddMonitorGen().AddModel(_ => new WeatherObservationMonitor(SeattleWeather.SummerProfile));
        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.Single(provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DriftCheckService>());
        Assert.Equal(2, provider.GetRequiredService<MonitorRegistry>().Monitors.Count);
        // No configuration in a bare container: the defaults stand.
        Assert.Equal(TimeSpan.FromMinutes(1), provider.GetRequiredService<IOptions<MonitorGenOptions>>().Value.CheckInterval);
    }

    [Fact]
    public void MapMonitorGen_without_a_monitor_explains_itself()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        using WebApplication app = builder.Build();
        var error = Assert.Throws<InvalidOperationException>(() => app.MapMonitorGen());
        Assert.Contains("AddMonitorGen", error.Message);
    }

    internal static ReferenceProfile WindProfile() =>
        WindObservationMonitor.Fit(SeattleWeather.SummerTraining.Select(r => new WindObservation { Wind = r.Wind }));

    internal static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < PollLimit, $"The condition did not hold within {PollLimit}.");
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    internal static async Task PollAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < PollLimit, $"The condition did not hold within {PollLimit}.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
