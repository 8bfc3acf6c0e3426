using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using MonitorGen.IntegrationTests.Prometheus;
using MonitorGen.OnnxRuntime;
using SeattleWeatherService;
using SeattleWeatherService.Commands;
using SeattleWeatherService.Replay;

namespace MonitorGen.IntegrationTests.ExampleService;

/// <summary>
/// The README's main job, end to end: the example service on Kestrel, its ONNX model in ONNX Runtime, real Seattle days
/// replayed over HTTP, and a real Prometheus scraping <c>/metrics</c>.
/// </summary>
[Collection(nameof(InProcessExampleCollection))]
public sealed class WeatherServiceTests
{
    private const string Features = "model=\"seattle-weather\",record=\"WeatherFeatures\"";

    [Fact]
    public async Task Prometheus_sees_every_prediction_and_the_drift_gauge_flip_when_winter_arrives()
    {
        PrometheusServer.RequireBinary();
        var cancel = TestContext.Current.CancellationToken;
        await using RunningWeatherService service = await RunningWeatherService.StartAsync(cancellationToken: cancel);
        await using PrometheusServer prometheus = await PrometheusServer.StartAsync(service.Address, cancellationToken: cancel);
        var (days, problems) = WeatherCsv.ReadEmbedded();
        Assert.Empty(problems);
        // The example's defaults: 30-day windows, and calibrated decisions with no threshold chosen by hand.
        ReplayPlan plan = ReplayPlan.Create(days, windowSize: 30, inDistributionWindows: 6);
        var replayer = new TrafficReplayer(service.Client, TextWriter.Null);
        string tempMax = $"monitorgen_drift_detected{{model=\"seattle-weather\",feature=\"TempMax\"}}";

        var calm = await replayer.RunAsync(plan.Windows.Where(w => w.Segment == ReplayPlan.InDistribution).ToList(), cancel);
        Assert.All(calm, window => Assert.False(window.Drifted, $"an in-distribution window drifted: {string.Join(", ", window.Reports.SelectMany(r => r.Features).Where(f => f.Drifted).Select(f => f.Feature))}"));
        await prometheus.WaitForValueAsync(tempMax, v => v == 0, cancellationToken: cancel);

        var winter = await replayer.RunAsync(plan.Windows.Where(w => w.Segment == ReplayPlan.Shifted).ToList(), cancel);
        Assert.All(winter, window => Assert.True(window.Drifted));
        await prometheus.WaitForValueAsync(tempMax, v => v == 1, cancellationToken: cancel);

        int sent = plan.Windows.Sum(w => w.Days.Count);
        Assert.Equal(0, calm.Concat(winter).Sum(w => w.FailedRequests));
        Assert.Equal(sent, await prometheus.WaitForValueAsync($"monitorgen_predictions_total{{{Features}}}", v => v >= sent, cancellationToken: cancel));
        Assert.Equal(sent, await prometheus.WaitForValueAsync(
            "sum(monitorgen_prediction_duration_seconds_count{model=\"seattle-weather\"})", v => v >= sent, cancellationToken: cancel));
        Assert.Equal(0, (await prometheus.QueryAsync($"min_over_time({tempMax}[5m])", cancel)).Single().Value);
        Assert.Equal(1, (await prometheus.QueryAsync($"max_over_time({tempMax}[5m])", cancel)).Single().Value);
        // The inputs drifted as a whole; the predicted weather's mix is what the last window's report says.
        bool forecastDrifted = winter[^1].Reports.Single(r => r.Features.Any(f => f.Feature == "Weather")).DatasetDrift;
        var dataset = await prometheus.QueryAsync("monitorgen_drift_dataset{model=\"seattle-weather\"}", cancel);
        Assert.Equal(["WeatherFeatures:1", $"WeatherForecast:{(forecastDrifted ? 1 : 0)}"], dataset.Select(s => $"{s["record"]}:{s.Value}").Order());
    }

    /// <summary>
    /// Issue 12, §9: <c>POST /predict</c> answers a prediction id, the replayer's labels reach the service on the
    /// simulated calendar, the late ones are refused and counted, and the table's accuracy is the service's.
    /// </summary>
    [Fact]
    public async Task The_replayers_labels_give_the_service_its_realized_accuracy_and_late_ones_are_counted()
    {
        var cancel = TestContext.Current.CancellationToken;
        var clock = new SimulatedClock(new DateTimeOffset(2014, 1, 1, 12, 0, 0, TimeSpan.Zero));
        await using RunningWeatherService service = await RunningWeatherService.StartAsync(cancellationToken: cancel, clock: clock);
        var (days, _) = WeatherCsv.ReadEmbedded();
        ReplayPlan plan = ReplayPlan.Create(days, windowSize: 30, inDistributionWindows: 2);
        var replayer = new TrafficReplayer(service.Client, TextWriter.Null, clock);

        IReadOnlyList<WindowResult> windows = await replayer.RunAsync(plan.Windows.Take(3).ToList(), cancel);
        ServicePerformance performance = await replayer.ReadPerformanceAsync(cancel);

        LabelTally labels = replayer.Labels;
        Assert.Equal(0, labels.Refused);
        Assert.InRange(labels.Late, 1, labels.Natural / 3);
        Assert.Equal(90, labels.Natural + labels.NeverSent);
        Assert.Equal(labels.Natural - labels.Late, performance.Labels);
        Assert.Equal(3, performance.WindowAccuracy.Count);
        // The table showed each window's accuracy from the labels in when it closed: every day's but the next-day label
        // of its last day and the late ones.
        Assert.All(windows, w => Assert.InRange(w.LabelCompleteness, 0.5, 1.0));
        Assert.All(performance.WindowAccuracy, a => Assert.InRange(a, 0.5, 1.0));
        Assert.InRange(performance.ProgrammaticAccuracy, 0.8, 1.0);

        using HttpResponseMessage metrics = await service.Client.GetAsync("/metrics", cancel);
        string text = await metrics.Content.ReadAsStringAsync(cancel);
        Assert.Contains($"monitorgen_labels_late_total{{otel_scope_name=\"MonitorGen\",otel_scope_version=\"0.1.0.0\",model=\"seattle-weather\",model_version=\"1\",record=\"WeatherForecast\",source=\"natural\"}} {labels.Late}", text);

        using HttpResponseMessage predicted = await service.Client.PostAsync(ServiceRoutes.Predict,
            new StringContent("{\"precipitation\":0,\"tempMax\":20,\"tempMin\":10,\"wind\":3}", Encoding.UTF8, "application/json"), cancel);
        using JsonDocument answer = JsonDocument.Parse(await predicted.Content.ReadAsStringAsync(cancel));
        Assert.Matches("^[0-9a-f]{16}$", answer.RootElement.GetProperty("predictionId").GetString());
    }

    [Fact]
    public async Task Probes_answer_and_the_drift_endpoints_name_the_shifted_features()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using RunningWeatherService service = await RunningWeatherService.StartAsync(cancellationToken: cancel);
        using (HttpResponseMessage live = await service.Client.GetAsync("/health/live", cancel))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        using (JsonDocument ready = await GetJsonAsync(service, "/health/ready", HttpStatusCode.OK))
        {
            Assert.Equal(
                ["onnx:seattle-weather.onnx", "seattle-weather/WeatherFeatures.profile", "seattle-weather/WeatherForecast.profile"],
                ready.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order());
        }

        var (days, _) = WeatherCsv.ReadEmbedded();
        ReplayPlan plan = ReplayPlan.Create(days, windowSize: 90, inDistributionWindows: 0);
        await new TrafficReplayer(service.Client, TextWriter.Null).RunAsync(plan.Windows.Take(1).ToList(), cancel);

        using (JsonDocument drift = await GetJsonAsync(service, "/monitoring/drift", HttpStatusCode.OK))
        {
            JsonElement features = drift.RootElement.GetProperty("models").EnumerateArray()
                .Single(m => m.GetProperty("report").GetProperty("features").EnumerateArray().Any(f => f.GetProperty("feature").GetString() == "TempMax"))
                .GetProperty("report").GetProperty("features");
            Assert.Contains("TempMax", features.EnumerateArray().Where(f => f.GetProperty("drifted").GetBoolean()).Select(f => f.GetProperty("feature").GetString()));
        }

        using (JsonDocument modelHealth = await GetJsonAsync(service, "/health/drift/seattle-weather", HttpStatusCode.OK))
        {
            Assert.Equal("Degraded", modelHealth.RootElement.GetProperty("status").GetString());
            Assert.Equal(2, modelHealth.RootElement.GetProperty("checks").GetArrayLength());
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task The_management_endpoints_refuse_a_caller_without_the_api_key_and_the_probes_stay_open(string? key)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using RunningWeatherService service = await RunningWeatherService.StartAsync(cancellationToken: cancel);
        using var caller = new HttpClient { BaseAddress = service.Address };
        if (key is not null)
        {
            caller.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        foreach (string path in new[] { "/monitoring/drift", "/health/drift", "/health/drift/seattle-weather" })
        {
            using HttpResponseMessage refused = await caller.GetAsync(path, cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using (HttpResponseMessage check = await caller.PostAsync(ServiceRoutes.DriftCheck, null, cancel))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, check.StatusCode);
        }

        foreach (string path in new[] { "/health/live", "/health/ready", "/metrics" })
        {
            using HttpResponseMessage open = await caller.GetAsync(path, cancel);
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        }

        using HttpResponseMessage operatorCall = await service.Client.GetAsync("/monitoring/drift", cancel);
        Assert.Equal(HttpStatusCode.OK, operatorCall.StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_key_the_management_endpoints_refuse_everyone()
    {
        var cancel = TestContext.Current.CancellationToken;
        // An empty key is no key: the service then refuses even the header the tests' client sends.
        await using RunningWeatherService service = await RunningWeatherService.StartAsync(["--SeattleWeather:ApiKey="], cancel);

        using HttpResponseMessage response = await service.Client.GetAsync("/monitoring/drift", cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"precipitation\": 0, \"tempMax\": 20, \"tempMin\": 10}")]
    [InlineData("{\"precipitation\": \"lots\", \"tempMax\": 20, \"tempMin\": 10, \"wind\": 3}")]
    [InlineData("{not json")]
    public async Task A_malformed_request_is_a_400_and_no_prediction(string body)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using RunningWeatherService service = await RunningWeatherService.StartAsync(cancellationToken: cancel);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await service.Client.PostAsync(ServiceRoutes.Predict, content, cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, service.App.Services.GetRequiredService<WeatherFeaturesMonitor>().ObservedRows);
    }

    [Fact]
    public async Task A_missing_model_fails_start_up_naming_the_file()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.onnx");
        var error = await Assert.ThrowsAsync<OnnxModelException>(() =>
            RunningWeatherService.StartAsync([$"--{WeatherService.ModelPathKey}={missing}"], TestContext.Current.CancellationToken));
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public async Task A_corrupt_profile_fails_start_up_naming_the_file()
    {
        string corrupt = Path.Combine(Path.GetTempPath(), $"corrupt-{Guid.NewGuid():N}.monitorprofile.json");
        string committed = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, WeatherService.FeaturesProfileFile), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(corrupt, committed[..(committed.Length / 2)], TestContext.Current.CancellationToken);
        try
        {
            var error = await Assert.ThrowsAsync<ProfileException>(() =>
                RunningWeatherService.StartAsync([$"--{WeatherService.FeaturesProfilePathKey}={corrupt}"], TestContext.Current.CancellationToken));
            Assert.Contains(corrupt, error.Message);
        }
        finally
        {
            File.Delete(corrupt);
        }
    }

    [Fact]
    public void The_committed_profiles_are_what_fit_produces_from_the_committed_model_and_data()
    {
        var (days, _) = WeatherCsv.ReadEmbedded();
        var (features, forecasts) = ProfileFitting.Fit(ReplayPlan.TrainingDays(days), Path.Combine(AppContext.BaseDirectory, WeatherService.ModelFile));
        AssertSameProfile(features, WeatherService.FeaturesProfileFile);
        AssertSameProfile(forecasts, WeatherService.ForecastProfileFile);
    }

    private static void AssertSameProfile(ReferenceProfile fitted, string committedFile)
    {
        ReferenceProfile committed = ReferenceProfile.Load(Path.Combine(AppContext.BaseDirectory, committedFile));
        // Everything but the creation time: a stale profile (new data, model or record) fails here; rerun `fit`.
        Assert.Equal(WithoutCreationTime(committed), WithoutCreationTime(fitted));
    }

    private static string WithoutCreationTime(ReferenceProfile profile)
    {
        using var stream = new MemoryStream();
        profile.Save(stream);
        using JsonDocument document = JsonDocument.Parse(stream.ToArray());
        return string.Join("\n", document.RootElement.EnumerateObject().Where(p => p.Name != "createdUtc").Select(p => $"{p.Name}={p.Value.GetRawText()}"));
    }

    private static async Task<JsonDocument> GetJsonAsync(RunningWeatherService service, string path, HttpStatusCode expected)
    {
        using HttpResponseMessage response = await service.Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
