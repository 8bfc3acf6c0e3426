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
        Action<MonitorGenHostingOptions>? configure = null,
        string prefix = "",
        Action<IServiceCollection>? services = null,
        ReferenceProfile? profile = null)
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
        services?.Invoke(builder.Services);
        builder.Services.AddModelMonitor(
            sp => new WeatherObservationMonitor(reference, new MonitorOptions(), sp.GetRequiredService<ILogger<WeatherObservationMonitor>>()),
            configure);

        WebApplication app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.MapPost("/predict", (WeatherObservation row, WeatherObservationMonitor monitor) =>
        {
            monitor.Observe(row);
            // The "model": rain tomorrow if it rains today. What matters here is the monitoring around it.
            return Results.Ok(new Prediction(row.Precipitation > 0 ? "rain" : "sun"));
        });
        app.MapMonitorGen(prefix);

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
        using HttpResponseMessage response = await Client.PostAsync($"{prefix}/monitorgen/drift/check", content: null, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    public async Task<(int Status, JsonDocument Body)> GetHealthAsync(string prefix = "")
    {
        using HttpResponseMessage response = await Client.GetAsync($"{prefix}/health", TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await ReadJsonAsync(response));
    }

    public async Task<JsonDocument> GetDriftAsync(string prefix = "")
    {
        using HttpResponseMessage response = await Client.GetAsync($"{prefix}/monitorgen/drift", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await ReadJsonAsync(response);
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
