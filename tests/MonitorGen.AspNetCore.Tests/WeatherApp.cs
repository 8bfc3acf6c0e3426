using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
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
/// A small model-serving app on a real Kestrel at 127.0.0.1 with an ephemeral port: <c>POST /predict</c> observes the
/// posted row, and <c>MapMonitorGen</c> serves the health and drift endpoints.
/// </summary>
internal sealed class WeatherApp : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    private WeatherApp(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public WeatherObservationMonitor Monitor => App.Services.GetRequiredService<WeatherObservationMonitor>();

    public static async Task<WeatherApp> StartAsync(
        Action<MonitorGenOptions>? configure = null,
        string prefix = "",
        Action<IServiceCollection>? services = null,
        ReferenceProfile? profile = null,
        Action<WebApplicationBuilder>? host = null,
        Action<IEndpointConventionBuilder>? detailConventions = null,
        MonitorOptions? monitorOptions = null)
    {
        ReferenceProfile reference = profile ?? SeattleWeather.SummerProfile;
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.NumberHandling = Json.NumberHandling;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        // Every scrape sees the latest counts: the exporter's default 300 ms response cache would hide them.
        builder.Services.Configure<PrometheusAspNetCoreOptions>(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
        host?.Invoke(builder);
        services?.Invoke(builder.Services);
        // Most tests exercise the endpoints themselves: anonymous, and as many checks as they ask for. The defaults (guarded,
        // at most one manual check a second) have tests of their own, which pass configure to restore them.
        builder.Services.AddMonitorGen(o =>
        {
            o.AllowAnonymousManagement = true;
            o.ManualCheckMinimumInterval = TimeSpan.Zero;
            configure?.Invoke(o);
        }).AddModel(
            sp => new WeatherObservationMonitor(reference, monitorOptions ?? new MonitorOptions(), sp.GetRequiredService<ILogger<WeatherObservationMonitor>>()));

        WebApplication app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.MapPost("/predict", (WeatherObservation row, WeatherObservationMonitor monitor) =>
        {
            monitor.Observe(row);
            // The "model": rain tomorrow if it rains today. What matters here is the monitoring around it.
            return Results.Ok(new Prediction(row.Precipitation > 0 ? "rain" : "sun"));
        });
        IEndpointConventionBuilder details = app.MapMonitorGen(prefix);
        detailConventions?.Invoke(details);

        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        string bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var uri = new Uri(bound);
        Assert.Equal("127.0.0.1", uri.Host);
        Assert.NotEqual(0, uri.Port);
        return new WeatherApp(app, uri);
    }

    public async Task PostAsync(IEnumerable<WeatherObservation> rows)
    {
        foreach (WeatherObservation row in rows)
        {
            using HttpResponseMessage response = await Client.PostAsJsonAsync("/predict", row, Json, TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
        }
    }

    public async Task<JsonDocument> CheckAsync(string prefix = "")
    {
        using HttpResponseMessage response = await Client.PostAsync($"{prefix}/monitoring/drift/check", content: null, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    public async Task<(int Status, JsonDocument Body)> GetHealthAsync(string prefix = "")
    {
        using HttpResponseMessage response = await Client.GetAsync($"{prefix}/health/drift", TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await ReadJsonAsync(response));
    }

    public async Task<JsonDocument> GetDriftAsync(string prefix = "")
    {
        using HttpResponseMessage response = await Client.GetAsync($"{prefix}/monitoring/drift", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    /// <summary>Scrapes <c>/metrics</c> and parses the Prometheus text format.</summary>
    public async Task<PrometheusText> ScrapeAsync(string path = "/metrics")
    {
        using HttpResponseMessage response = await Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public async Task<(int Status, JsonDocument Body)> GetJsonAsync(string path)
    {
        using HttpResponseMessage response = await Client.GetAsync(path, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await ReadJsonAsync(response));
    }

    public static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        string text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }

    private sealed record Prediction(string Forecast);
}
