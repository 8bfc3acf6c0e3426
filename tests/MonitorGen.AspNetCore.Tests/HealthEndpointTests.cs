using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MonitorGen.Health;

namespace MonitorGen.AspNetCore.Tests;

/// <summary>Liveness, readiness and per-model drift health, with the status codes from configuration.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Live_is_healthy_and_ready_lists_the_loaded_profile()
    {
        await using WeatherApp app = await WeatherApp.StartAsync();

        var (status, live) = await app.GetJsonAsync("/health/live");
        using (live)
        {
            Assert.Equal(200, status);
            Assert.Equal("Healthy", live.RootElement.GetProperty("status").GetString());
            Assert.Empty(live.RootElement.GetProperty("checks").EnumerateArray());
        }

        var (readyStatus, ready) = await app.GetJsonAsync("/health/ready");
        using (ready)
        {
            Assert.Equal(200, readyStatus);
            JsonElement check = Assert.Single(ready.RootElement.GetProperty("checks").EnumerateArray());
            Assert.Equal("seattle-weather/WeatherObservation.profile", check.GetProperty("name").GetString());
            Assert.Equal("Healthy", check.GetProperty("status").GetString());
            // An anonymous probe shows status only: no description, data, file path or exception text.
            Assert.Equal(["name", "status"], check.EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public async Task A_failing_ready_check_fails_readiness_but_not_liveness()
    {
        // What the monitored inference session registers when its model is not loaded.
        await using WeatherApp app = await WeatherApp.StartAsync(services: s => s.AddHealthChecks()
            .AddCheck("onnx-model", () => HealthCheckResult.Unhealthy("model.onnx is not loaded"), tags: [MonitorGenHealthTags.Ready]));

        var (status, ready) = await app.GetJsonAsync("/health/ready");
        using (ready)
        {
            Assert.Equal(503, status);
            Assert.Equal("Unhealthy", ready.RootElement.GetProperty("status").GetString());
            Assert.Equal(2, ready.RootElement.GetProperty("checks").GetArrayLength());
            Assert.DoesNotContain("model.onnx", ready.RootElement.GetRawText(), System.StringComparison.Ordinal);
        }

        var (liveStatus, live) = await app.GetJsonAsync("/health/live");
        live.Dispose();
        Assert.Equal(200, liveStatus);
    }

    [Fact]
    public async Task A_failing_live_check_fails_liveness()
    {
        await using WeatherApp app = await WeatherApp.StartAsync(services: s => s.AddHealthChecks()
            .AddCheck("deadlock-detector", () => HealthCheckResult.Unhealthy("stuck"), tags: [MonitorGenHealthTags.Live]));
        var (status, live) = await app.GetJsonAsync("/health/live");
        using (live)
        {
            Assert.Equal(503, status);
            Assert.Equal("deadlock-detector", Assert.Single(live.RootElement.GetProperty("checks").EnumerateArray()).GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task Per_model_drift_health_judges_one_model_and_404s_an_unknown_one()
    {
        await using WeatherApp app = await WeatherApp.StartAsync(services: s =>
            s.AddMonitorGen().AddModel(_ => new WindObservationMonitor(HostingTests.WindProfile())));
        WindObservationMonitor wind = app.App.Services.GetRequiredService<WindObservationMonitor>();
        HostingTests.ObserveStrongWind(wind, 100);
        await app.PostAsync(SeattleWeather.Spread(SeattleWeather.SummerHeldOut, 60));
        (await app.CheckAsync()).Dispose();

        var (windStatus, windHealth) = await app.GetJsonAsync("/health/drift/seattle-wind");
        using (windHealth)
        {
            Assert.Equal(200, windStatus);
            Assert.Equal("Degraded", windHealth.RootElement.GetProperty("status").GetString());
            JsonElement check = Assert.Single(windHealth.RootElement.GetProperty("checks").EnumerateArray());
            Assert.Equal("seattle-wind/WindObservation", check.GetProperty("name").GetString());
            Assert.True(check.GetProperty("data").GetProperty("datasetDrift").GetBoolean());
        }

        var (weatherStatus, weatherHealth) = await app.GetJsonAsync("/health/drift/seattle-weather");
        using (weatherHealth)
        {
            Assert.Equal(200, weatherStatus);
            Assert.Equal("Healthy", weatherHealth.RootElement.GetProperty("status").GetString());
        }

        var (missingStatus, missing) = await app.GetJsonAsync("/health/drift/penguins");
        using (missing)
        {
            Assert.Equal(404, missingStatus);
            Assert.Contains("penguins", missing.RootElement.GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task Status_codes_and_schedule_come_from_the_MonitorGen_configuration_section()
    {
        await using WeatherApp app = await WeatherApp.StartAsync(host: builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MonitorGen:Health:DegradedStatusCode"] = "503",
            ["MonitorGen:CheckInterval"] = "01:30:00",
            ["MonitorGen:WriteIndented"] = "true",
        }));
        MonitorGenOptions options = app.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MonitorGenOptions>>().Value;
        Assert.Equal(System.TimeSpan.FromMinutes(90), options.CheckInterval);

        await app.PostAsync(SeattleWeather.Winter.Take(120));
        (await app.CheckAsync()).Dispose();
        using System.Net.Http.HttpResponseMessage response = await app.Client.GetAsync("/health/drift/seattle-weather", TestContext.Current.CancellationToken);
        Assert.Equal(503, (int)response.StatusCode);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\n", body);
        Assert.Contains("\"Degraded\"", body);
    }

    [Fact]
    public async Task Code_configuration_wins_over_the_configuration_section()
    {
        await using WeatherApp app = await WeatherApp.StartAsync(
            o => o.Health.DegradedStatusCode = 299,
            host: builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MonitorGen:Health:DegradedStatusCode"] = "503" }));
        await app.PostAsync(SeattleWeather.Winter.Take(120));
        (await app.CheckAsync()).Dispose();
        var (status, body) = await app.GetJsonAsync("/health/drift");
        body.Dispose();
        Assert.Equal(299, status);
    }

    [Theory]
    [InlineData("MonitorGen:CheckInterval", "00:00:00")]
    [InlineData("MonitorGen:Health:UnhealthyStatusCode", "42")]
    [InlineData("MonitorGen:Prometheus:Path", "metrics")]
    [InlineData("MonitorGen:Otlp:Endpoint", "ftp://collector:21")]
    [InlineData("MonitorGen:Otlp:ExportInterval", "-00:00:01")]
    public async Task A_bad_setting_fails_start_up_naming_its_key(string key, string value)
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => WeatherApp.StartAsync(
            host: builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value })));
        Assert.Contains(key, error.Message);
    }

    [Fact]
    public async Task A_monitor_that_cannot_load_its_profile_fails_start_up_with_the_profile_error()
    {
        ReferenceProfile wrong = HostingTests.WindProfile();
        var error = await Assert.ThrowsAsync<ProfileException>(() => WeatherApp.StartAsync(profile: wrong));
        Assert.Contains("WeatherObservation", error.Message);
        Assert.Contains("Refit the profile", error.Message);
    }

    [Fact]
    public async Task Prometheus_can_be_switched_off()
    {
        await using WeatherApp app = await WeatherApp.StartAsync(o => o.Prometheus.Enabled = false);
        using System.Net.Http.HttpResponseMessage response = await app.Client.GetAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
