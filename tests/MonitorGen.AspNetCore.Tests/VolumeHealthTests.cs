using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonitorGen.Health;

namespace MonitorGen.AspNetCore.Tests;

/// <summary>The expected prediction volume, per model from configuration, judged in the model's drift health.</summary>
[Collection(nameof(MetricsCollection))]
public sealed class VolumeHealthTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task No_predictions_for_a_window_degrades_health_and_traffic_above_the_floor_restores_it()
    {
        var time = new FakeTimeProvider(Start);
        await using WeatherApp app = await WeatherApp.StartAsync(
            configure: o => o.Models["seattle-weather"] = new MonitorGenModelOptions
            {
                Volume = new VolumeExpectation { PredictionsPerMinute = 10, Window = TimeSpan.FromMinutes(10), MinimumShare = 0.5, Floor = 20 },
            },
            monitorOptions: new MonitorOptions { TimeProvider = time });

        // Before a whole window has passed the volume is not judged.
        Assert.Equal("Healthy", await VolumeStatusAsync(app));
        time.Advance(TimeSpan.FromMinutes(11));
        (string status, JsonElement data) = await VolumeCheckAsync(app);
        Assert.Equal("Degraded", status);
        Assert.Equal(0, data.GetProperty("predictions").GetInt64());
        // The guard: min(0.5 × 10 a minute × 10 minutes, 20) = 20.
        Assert.Equal(20, data.GetProperty("lowBelow").GetDouble());

        // A quiet window that still reaches the floor is thin traffic, not an outage.
        await app.PostAsync(SeattleWeather.Summer.Take(25));
        time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal("Healthy", await VolumeStatusAsync(app));

        // Below the floor again.
        await app.PostAsync(SeattleWeather.Summer.Take(19));
        time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal("Degraded", await VolumeStatusAsync(app));
    }

    [Fact]
    public async Task The_volume_counts_from_start_up_through_the_scheduled_rounds_even_when_health_is_asked_late()
    {
        var time = new FakeTimeProvider(Start);
        await using WeatherApp app = await WeatherApp.StartAsync(
            configure: o => o.Models["seattle-weather"] = new MonitorGenModelOptions
            {
                Volume = new VolumeExpectation { PredictionsPerMinute = 1, Window = TimeSpan.FromMinutes(10), Floor = 3 },
            },
            monitorOptions: new MonitorOptions { TimeProvider = time });
        MonitorRegistry registry = app.App.Services.GetRequiredService<MonitorRegistry>();
        VolumeHealthCheck volume = Assert.Single(registry.VolumeChecks);

        // Traffic in the first window, then none for two: readings taken by the rounds judge the last window alone.
        await app.PostAsync(SeattleWeather.Summer.Take(10));
        for (int minute = 0; minute < 25; minute++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            registry.CheckScheduled();
        }

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, volume.Evaluate().Status);
    }

    [Fact]
    public async Task The_prediction_counter_exists_at_zero_from_start_up()
    {
        // So that "no predictions" is an alert on a value, not on an absent series.
        await using WeatherApp app = await WeatherApp.StartAsync();
        PrometheusText scrape = await app.ScrapeAsync();
        var predictions = scrape.Samples.Where(s => s.Name == "monitorgen_predictions_total").ToArray();
        var series = Assert.Single(predictions);
        Assert.Equal(0, series.Value);
        Assert.Equal("WeatherObservation", series.Labels["record"]);
    }

    [Fact]
    public async Task A_volume_for_an_unknown_model_or_out_of_range_fails_start_up_naming_the_key()
    {
        var unknown = await Assert.ThrowsAnyAsync<Exception>(() => WeatherApp.StartAsync(
            configure: o => o.Models["no-such-model"] = new MonitorGenModelOptions { Volume = new VolumeExpectation { PredictionsPerMinute = 1 } }));
        Assert.Contains("MonitorGen:Models:no-such-model names no registered model (registered: seattle-weather)", unknown.ToString(), StringComparison.Ordinal);

        var invalid = await Assert.ThrowsAsync<OptionsValidationException>(() => WeatherApp.StartAsync(
            configure: o => o.Models["seattle-weather"] = new MonitorGenModelOptions { Volume = new VolumeExpectation { PredictionsPerMinute = 0 } }));
        Assert.Contains("MonitorGen:Models:seattle-weather:Volume:PredictionsPerMinute", invalid.Message, StringComparison.Ordinal);
    }

    private static async Task<string> VolumeStatusAsync(WeatherApp app) => (await VolumeCheckAsync(app)).Status;

    private static async Task<(string Status, JsonElement Data)> VolumeCheckAsync(WeatherApp app)
    {
        (int _, JsonDocument body) = await app.GetHealthAsync();
        using (body)
        {
            JsonElement check = body.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "seattle-weather.volume");
            return (check.GetProperty("status").GetString()!, check.GetProperty("data").Clone());
        }
    }
}
