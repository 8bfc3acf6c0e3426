using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Exporter;

namespace MonitorGen.AspNetCore.Tests;

/// <summary>
/// <c>POST /monitoring/labels</c> and <c>GET /monitoring/performance</c> on a real Kestrel (issue 12, §8): a bad item is
/// rejected alone with its reason and counted, a malformed body is a 400, and the performance follows the labels.
/// </summary>
[Collection(nameof(MetricsCollection))]
public sealed class LabelEndpointTests
{
    private static readonly ReferenceProfile Profile = RainForecast.FitProfile(
        Enumerable.Range(0, 200).Select(i => new RainForecast { Precipitation = i % 20, Rain = i % 2 == 0, Probability = 0.8 }));

    [Fact]
    public async Task Labels_are_joined_one_by_one_and_the_performance_follows_them()
    {
        await using var app = await LabelApp.StartAsync();
        string[] ids = await app.PredictAsync(new RainForecast { Precipitation = 5, Rain = true, Probability = 0.9 },
            new RainForecast { Precipitation = 0, Rain = false, Probability = 0.7 },
            new RainForecast { Precipitation = 2, Rain = true, Probability = 0.6 });

        (int status, JsonElement body) = await app.PostLabelsAsync($$"""
            [
              { "predictionId": "{{ids[0]}}", "label": true, "source": "natural" },
              { "predictionId": "{{ids[1]}}", "label": true },
              { "predictionId": "{{ids[2]}}", "label": 1, "source": "natural" },
              { "predictionId": "ffffffffffffffff", "label": true },
              { "predictionId": "{{ids[0]}}", "label": false },
              { "predictionId": "{{ids[2]}}", "label": false, "source": "hand" },
              { "predictionId": "{{ids[2]}}", "label": true, "source": "crowd" },
              "not an object"
            ]
            """);

        Assert.Equal(200, status);
        Assert.Equal(3, body.GetProperty("accepted").GetInt32());
        var rejected = body.GetProperty("rejected").EnumerateArray()
            .Select(r => (r.GetProperty("index").GetInt32(), r.GetProperty("reason").GetString()!)).ToArray();
        Assert.Equal([2, 3, 4, 6, 7], rejected.Select(r => r.Item1));
        Assert.Contains("not true or false", rejected[0].Item2);
        Assert.Contains("no prediction has this id", rejected[1].Item2);
        Assert.Contains("already has a label", rejected[2].Item2);
        Assert.Contains("\"source\" is one of", rejected[3].Item2);
        Assert.Contains("is an object", rejected[4].Item2);

        // The item that was refused for its type did not take the prediction: its natural label can still come.
        (status, body) = await app.PostLabelsAsync($$"""[ { "predictionId": "{{ids[2]}}", "label": true } ]""");
        Assert.Equal((200, 1), (status, body.GetProperty("accepted").GetInt32()));

        using JsonDocument performance = await app.GetJsonAsync("/monitoring/performance");
        JsonElement[] models = [.. performance.RootElement.GetProperty("models").EnumerateArray()];
        Assert.Equal(["natural", "hand"], models.Select(m => m.GetProperty("source").GetString()));
        JsonElement natural = models[0];
        Assert.Equal(("rain-forecast", "RainForecast", "classification"),
            (natural.GetProperty("model").GetString(), natural.GetProperty("record").GetString(), natural.GetProperty("kind").GetString()));
        JsonElement cumulative = natural.GetProperty("cumulative");
        Assert.Equal(3, cumulative.GetProperty("count").GetInt32());
        Assert.Equal(2.0 / 3, cumulative.GetProperty("accuracy").GetDouble(), 12);
        JsonElement perClass = cumulative.GetProperty("perClass");
        // Actual rain on all three days; predicted on two of them.
        JsonElement rain = perClass.GetProperty("True");
        Assert.Equal((1.0, 3), (rain.GetProperty("precision").GetDouble(), rain.GetProperty("support").GetInt32()));
        Assert.Equal(2.0 / 3, rain.GetProperty("recall").GetDouble(), 12);
        Assert.True(cumulative.GetProperty("accuracyInterval").GetProperty("lower").GetDouble() < 2.0 / 3);
        // A score is declared: log loss is defined; ROC AUC is not while only one class has occurred, and says so as null.
        Assert.Equal(JsonValueKind.Number, cumulative.GetProperty("logLoss").ValueKind);
        Assert.Equal(JsonValueKind.Null, cumulative.GetProperty("rocAuc").ValueKind);
        Assert.Equal(1, models[1].GetProperty("cumulative").GetProperty("count").GetInt32());
        Assert.Equal(0.0, models[1].GetProperty("cumulative").GetProperty("accuracy").GetDouble());

        PrometheusText metrics = await app.ScrapeAsync();
        // The two items that reached no monitor are counted apart.
        Assert.Equal(6, metrics.Single("monitorgen_labels_received_total", ("model", "rain-forecast"), ("source", "natural")));
        Assert.True(metrics.Sum("monitorgen_labels_malformed_total") >= 2);
        Assert.Equal(3, metrics.Single("monitorgen_labels_matched_total", ("model", "rain-forecast"), ("source", "natural")));
        Assert.Equal(1, metrics.Single("monitorgen_labels_rejected_total", ("model", "rain-forecast"), ("source", "natural")));
        Assert.Equal(1, metrics.Single("monitorgen_labels_unmatched_total", ("model", "rain-forecast"), ("source", "natural")));
        Assert.Equal(1, metrics.Single("monitorgen_labels_duplicate_total", ("model", "rain-forecast"), ("source", "natural")));
        Assert.Equal(1, metrics.Single("monitorgen_labels_matched_total", ("model", "rain-forecast"), ("source", "hand")));
        Assert.Equal(0, metrics.Single("monitorgen_labels_pending", ("model", "rain-forecast")));
        Assert.Equal(2.0 / 3, metrics.Single("monitorgen_performance_cumulative", ("model", "rain-forecast"), ("source", "natural"), ("metric", "accuracy")), 9);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{ \"predictionId\": \"0000000000000000\", \"label\": true }")]
    [InlineData("")]
    public async Task A_body_that_is_not_a_json_array_is_a_400(string body)
    {
        await using var app = await LabelApp.StartAsync();
        (int status, JsonElement answer) = await app.PostLabelsAsync(body);
        Assert.Equal(400, status);
        Assert.False(string.IsNullOrEmpty(answer.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task A_batch_over_the_limit_is_refused_whole()
    {
        await using var app = await LabelApp.StartAsync();
        string body = "[" + string.Join(",", Enumerable.Repeat("{\"predictionId\":\"0000000000000000\",\"label\":true}", 10_001)) + "]";
        (int status, JsonElement answer) = await app.PostLabelsAsync(body);
        Assert.Equal(400, status);
        Assert.Contains("at most 10000", answer.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_hand_label_queue_is_served_as_json_and_label_studio_tasks_and_an_export_comes_back()
    {
        await using var app = await LabelApp.StartAsync(new MonitorOptions { HandLabelBudget = 1e12, HandLabelStrategy = MonitorGen.Labels.LabelSamplingStrategy.Uniform });
        await app.PredictAsync([.. Enumerable.Range(0, 20).Select(i => new RainForecast { Precipitation = i, Rain = i % 2 == 0, Probability = 0.7 })]);
        using (HttpResponseMessage check = await app.Client.PostAsync("/monitoring/drift/check", null, TestContext.Current.CancellationToken))
        {
            check.EnsureSuccessStatusCode();
        }

        using JsonDocument queue = await app.GetJsonAsync("/monitoring/labels/requests");
        JsonElement[] requests = [.. queue.RootElement.GetProperty("requests").EnumerateArray()];
        // The window's 20 rows took milliseconds, a rate of millions a day: a budget far above even that asks about every
        // prediction, each with probability 1.
        Assert.Equal(20, requests.Length);
        Assert.All(requests, r => Assert.Equal((1.0, "rain-forecast"), (r.GetProperty("inclusionProbability").GetDouble(), r.GetProperty("model").GetString())));

        using JsonDocument tasks = await app.GetJsonAsync("/monitoring/labels/requests?format=labelstudio");
        var export = System.Text.Json.Nodes.JsonNode.Parse(tasks.RootElement.GetRawText())!.AsArray();
        Assert.Equal(20, export.Count);
        foreach (System.Text.Json.Nodes.JsonNode? task in export)
        {
            task!["annotations"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["result"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
                {
                    ["from_name"] = "label",
                    ["to_name"] = "prediction",
                    ["type"] = "choices",
                    ["value"] = new System.Text.Json.Nodes.JsonObject { ["choices"] = new System.Text.Json.Nodes.JsonArray("True") },
                }),
            });
        }

        using var content = new StringContent(export.ToJsonString(), Encoding.UTF8, "application/json");
        using HttpResponseMessage imported = await app.Client.PostAsync("/monitoring/labels/labelstudio", content, TestContext.Current.CancellationToken);
        using JsonDocument answer = JsonDocument.Parse(await imported.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(20, answer.RootElement.GetProperty("accepted").GetInt32());

        using JsonDocument performance = await app.GetJsonAsync("/monitoring/performance");
        JsonElement hand = performance.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("source").GetString() == "hand");
        Assert.Equal(0.5, hand.GetProperty("cumulative").GetProperty("accuracy").GetDouble(), 12);
        Assert.Empty((await app.GetJsonAsync("/monitoring/labels/requests")).RootElement.GetProperty("requests").EnumerateArray());

        using var bad = new StringContent("{\"not\": \"an export\"}", Encoding.UTF8, "application/json");
        using HttpResponseMessage refused = await app.Client.PostAsync("/monitoring/labels/labelstudio", bad, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    private sealed class LabelApp : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private LabelApp(WebApplication app, Uri address)
        {
            _app = app;
            Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        }

        public HttpClient Client { get; }

        public static async Task<LabelApp> StartAsync(MonitorOptions? options = null)
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.Services.Configure<PrometheusAspNetCoreOptions>(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
            builder.Services.AddMonitorGen(o => o.AllowAnonymousManagement = true)
                .AddModel(_ => new RainForecastMonitor(Profile, options));
            WebApplication app = builder.Build();
            app.Urls.Add("http://127.0.0.1:0");
            app.MapPost("/predict", (RainForecast forecast, RainForecastMonitor monitor) =>
                Results.Ok(new { predictionId = monitor.ObservePrediction(forecast) }));
            app.MapMonitorGen();
            await app.StartAsync(TestContext.Current.CancellationToken);
            string bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            return new LabelApp(app, new Uri(bound));
        }

        public async Task<string[]> PredictAsync(params RainForecast[] forecasts)
        {
            var ids = new string[forecasts.Length];
            for (int i = 0; i < forecasts.Length; i++)
            {
                using HttpResponseMessage response = await Client.PostAsJsonAsync("/predict", forecasts[i], TestContext.Current.CancellationToken);
                response.EnsureSuccessStatusCode();
                using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
                ids[i] = body.RootElement.GetProperty("predictionId").GetString()!;
            }

            return ids;
        }

        public async Task<(int Status, JsonElement Body)> PostLabelsAsync(string json)
        {
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using HttpResponseMessage response = await Client.PostAsync("/monitoring/labels", content, TestContext.Current.CancellationToken);
            using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            return ((int)response.StatusCode, body.RootElement.Clone());
        }

        public async Task<JsonDocument> GetJsonAsync(string path)
        {
            using HttpResponseMessage response = await Client.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        public async Task<PrometheusText> ScrapeAsync()
        {
            using HttpResponseMessage response = await Client.GetAsync("/metrics", TestContext.Current.CancellationToken);
            return PrometheusText.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await _app.DisposeAsync();
        }
    }
}
