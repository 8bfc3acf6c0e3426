using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace MonitorGen.AspNetCore.Tests;

/// <summary>
/// The whole path on a real Kestrel: fit on summer days, serve held-out summer days (healthy), then winter days (drift),
/// then broken rows (unhealthy), all over HTTP.
/// </summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task Summer_is_healthy_then_winter_is_degraded_with_200_by_default()
    {
        await using WeatherApp app = await WeatherApp.StartAsync();

        await app.PostAsync(SeattleWeather.SummerHeldOut);
        using (JsonDocument check = await app.CheckAsync())
        {
            JsonElement report = SingleModel(check).GetProperty("report");
            Assert.Equal(SeattleWeather.SummerHeldOut.Count, report.GetProperty("rows").GetInt64());
            Assert.False(report.GetProperty("datasetDrift").GetBoolean());
        }

        var (status, health) = await app.GetHealthAsync();
        using (health)
        {
            Assert.Equal(200, status);
            Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
            JsonElement entry = Assert.Single(health.RootElement.GetProperty("checks").EnumerateArray());
            Assert.Equal("seattle-weather/WeatherObservation", entry.GetProperty("name").GetString());
            Assert.Equal("Healthy", entry.GetProperty("status").GetString());
            Assert.Contains("monitorgen", entry.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal(SeattleWeather.SummerHeldOut.Count, entry.GetProperty("report").GetProperty("rows").GetInt64());
        }

        await app.PostAsync(SeattleWeather.Winter.Take(180));
        using (JsonDocument check = await app.CheckAsync())
        {
            Assert.True(SingleModel(check).GetProperty("report").GetProperty("datasetDrift").GetBoolean());
        }

        (status, health) = await app.GetHealthAsync();
        using (health)
        {
            Assert.Equal(200, status);
            Assert.Equal("Degraded", health.RootElement.GetProperty("status").GetString());
            JsonElement entry = Assert.Single(health.RootElement.GetProperty("checks").EnumerateArray());
            Assert.Equal("Degraded", entry.GetProperty("status").GetString());
            Assert.Contains("TempMax", entry.GetProperty("description").GetString());
            Assert.True(entry.GetProperty("report").GetProperty("datasetDrift").GetBoolean());
        }

        using JsonDocument drift = await app.GetDriftAsync();
        JsonElement latest = SingleModel(drift).GetProperty("report");
        Assert.Equal(180, latest.GetProperty("rows").GetInt64());
        JsonElement tempMax = Feature(latest, "TempMax");
        Assert.True(tempMax.GetProperty("drifted").GetBoolean());
        Assert.True(tempMax.GetProperty("tested").GetBoolean());
        Assert.Equal("ks", tempMax.GetProperty("method").GetString());
        Assert.Equal("Numerical", tempMax.GetProperty("kind").GetString());
        Assert.True(Feature(latest, "TempMin").GetProperty("drifted").GetBoolean());
        Assert.Equal(0, latest.GetProperty("rowsWithIssues").GetInt64());
        Assert.Equal(latest.GetProperty("driftedFeatures").GetInt32(), latest.GetProperty("features").EnumerateArray().Count(f => f.GetProperty("drifted").GetBoolean()));
    }

    [Fact]
    public async Task Winter_is_degraded_with_503_when_configured()
    {
        await using WeatherApp app = await WeatherApp.StartAsync(o => o.Health.DegradedStatusCode = 503);

        await app.PostAsync(SeattleWeather.Spread(SeattleWeather.SummerHeldOut, 120));
        (await app.CheckAsync()).Dispose();
        var (status, health) = await app.GetHealthAsync();
        using (health)
        {
            Assert.Equal(200, status);
            Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        }

        await app.PostAsync(SeattleWeather.Winter.Skip(180).Take(120));
        (await app.CheckAsync()).Dispose();
        (status, health) = await app.GetHealthAsync();
        using (health)
        {
            Assert.Equal(503, status);
            Assert.Equal("Degraded", health.RootElement.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Rows_with_missing_values_beyond_the_failure_share_are_unhealthy_with_503()
    {
        await using WeatherApp app = await WeatherApp.StartAsync();

        // 25% of the rows carry a NaN temperature or wind: more than the default 10% failure share.
        WeatherObservation[] rows = SeattleWeather.Spread(SeattleWeather.SummerHeldOut, 80)
            .Select((row, i) => (i % 4) switch
            {
                0 => row with { TempMax = double.NaN },
                1 when i % 8 == 1 => row with { Wind = double.PositiveInfinity },
                _ => row,
            })
            .ToArray();
        int broken = rows.Count(r => !double.IsFinite(r.TempMax) || !double.IsFinite(r.Wind));
        Assert.True(broken > 8);
        await app.PostAsync(rows);

        using (JsonDocument check = await app.CheckAsync())
        {
            JsonElement report = SingleModel(check).GetProperty("report");
            Assert.Equal(broken, report.GetProperty("rowsWithIssues").GetInt64());
            Assert.Equal(20, Feature(report, "TempMax").GetProperty("nonFinite").GetInt64());
        }

        var (status, health) = await app.GetHealthAsync();
        using (health)
        {
            Assert.Equal(503, status);
            Assert.Equal("Unhealthy", health.RootElement.GetProperty("status").GetString());
            JsonElement entry = Assert.Single(health.RootElement.GetProperty("checks").EnumerateArray());
            Assert.Equal("Unhealthy", entry.GetProperty("status").GetString());
            Assert.Contains("data-quality", entry.GetProperty("description").GetString());
            Assert.Equal(broken, entry.GetProperty("report").GetProperty("rowsWithIssues").GetInt64());
        }

        // The next window is clean again: the model recovers.
        await app.PostAsync(SeattleWeather.Spread(SeattleWeather.SummerHeldOut, 60));
        (await app.CheckAsync()).Dispose();
        (status, health) = await app.GetHealthAsync();
        using (health)
        {
            Assert.Equal(200, status);
            Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Snow_never_seen_in_summer_is_an_unseen_category_and_unhealthy()
    {
        await using WeatherApp app = await WeatherApp.StartAsync();
        Assert.Equal(18, SeattleWeather.WinterSnowDays.Count);
        await app.PostAsync(SeattleWeather.WinterSnowDays.Concat(SeattleWeather.Spread(SeattleWeather.SummerHeldOut, 60)));

        using (JsonDocument check = await app.CheckAsync())
        {
            JsonElement report = SingleModel(check).GetProperty("report");
            Assert.Equal(18, Feature(report, "Weather").GetProperty("unseenCategory").GetInt64());
            Assert.Equal(18, report.GetProperty("rowsWithIssues").GetInt64());
        }

        var (status, health) = await app.GetHealthAsync();
        using (health)
        {
            Assert.Equal(503, status);
            Assert.Equal("Unhealthy", health.RootElement.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Before_the_first_check_health_is_healthy_and_drift_has_no_report()
    {
        await using WeatherApp app = await WeatherApp.StartAsync();
        await app.PostAsync(SeattleWeather.Winter.Take(5));

        using JsonDocument drift = await app.GetDriftAsync();
        JsonElement model = SingleModel(drift);
        Assert.Equal("seattle-weather", model.GetProperty("model").GetString());
        Assert.Equal("WeatherObservation", model.GetProperty("record").GetString());
        Assert.Equal("1.0", model.GetProperty("modelVersion").GetString());
        Assert.Equal(5, model.GetProperty("observedRows").GetInt64());
        Assert.Equal(5, model.GetProperty("windowRows").GetInt64());
        Assert.Equal(JsonValueKind.Null, model.GetProperty("report").ValueKind);

        var (status, health) = await app.GetHealthAsync();
        using (health)
        {
            Assert.Equal(200, status);
            JsonElement entry = Assert.Single(health.RootElement.GetProperty("checks").EnumerateArray());
            Assert.Equal("Healthy", entry.GetProperty("status").GetString());
            Assert.Equal("WeatherObservation", entry.GetProperty("data").GetProperty("record").GetString());
            Assert.Equal(JsonValueKind.Null, entry.GetProperty("report").ValueKind);
        }
    }

    [Fact]
    public async Task A_small_window_is_reported_as_not_tested_and_healthy()
    {
        await using WeatherApp app = await WeatherApp.StartAsync();
        await app.PostAsync(SeattleWeather.Winter.Take(10));

        using JsonDocument check = await app.CheckAsync();
        JsonElement report = SingleModel(check).GetProperty("report");
        Assert.Equal(0, report.GetProperty("testedFeatures").GetInt32());
        Assert.False(Feature(report, "TempMax").GetProperty("tested").GetBoolean());

        var (status, health) = await app.GetHealthAsync();
        using (health)
        {
            Assert.Equal(200, status);
            Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        }
    }

    internal static JsonElement SingleModel(JsonDocument document) =>
        Assert.Single(document.RootElement.GetProperty("models").EnumerateArray());

    internal static JsonElement Feature(JsonElement report, string name) =>
        Assert.Single(report.GetProperty("features").EnumerateArray(), f => f.GetProperty("feature").GetString() == name);
}
