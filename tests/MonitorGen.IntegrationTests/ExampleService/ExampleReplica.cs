using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SeattleWeatherService;

namespace MonitorGen.IntegrationTests.ExampleService;

/// <summary>
/// The example service as a process of its own (<c>SeattleWeatherService serve</c>) on a free 127.0.0.1 port, as one
/// replica of a fleet: each process has its own monitors and its own <c>/metrics</c>. Windows close only on request.
/// </summary>
internal sealed class ExampleReplica : IAsyncDisposable
{
    public const string ApiKey = "replica-operator-key";
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly ServerProcess _process;

    private ExampleReplica(ServerProcess process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public string Log => _process.Log;

    /// <summary>Starts a replica, with <paramref name="settings"/> as further <c>--Key=Value</c> arguments, and waits until
    /// <c>/health/ready</c> answers 200.</summary>
    public static async Task<ExampleReplica> StartAsync(CancellationToken cancellationToken, params string[] settings)
    {
        (ServerProcess process, Uri address) = await ServerProcess.StartOnLoopbackAsync("The example service", "dotnet", (port, _) =>
        [
            Path.Combine(AppContext.BaseDirectory, "SeattleWeatherService.dll"), "serve", "--urls", $"http://127.0.0.1:{port}",
            $"--SeattleWeather:ApiKey={ApiKey}", "--MonitorGen:EnableBackgroundChecks=false", "--MonitorGen:ManualCheckMinimumInterval=00:00:00",
            "--Logging:LogLevel:Default=Warning", .. settings,
        ], "health/ready", StartLimit, cancellationToken, AppContext.BaseDirectory);
        return new ExampleReplica(process, address);
    }

    /// <summary>Posts one row to <c>/predict</c> and returns the forecast with its prediction id.</summary>
    public async Task<ForecastResponse> PredictOneAsync(WeatherFeatures row, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await Client.PostAsJsonAsync(ServiceRoutes.Predict.TrimStart('/'), row, ServiceJsonContext.Default.WeatherFeatures, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(ServiceJsonContext.Default.ForecastResponse, cancellationToken))!;
    }

    /// <summary>Posts each row to <c>/predict</c>.</summary>
    public async Task PredictAsync(IEnumerable<WeatherFeatures> rows, CancellationToken cancellationToken)
    {
        foreach (WeatherFeatures row in rows)
        {
            using HttpResponseMessage response = await Client.PostAsJsonAsync(ServiceRoutes.Predict.TrimStart('/'), row, ServiceJsonContext.Default.WeatherFeatures, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Closes the windows (<c>POST /monitoring/drift/check</c>) and returns the response.</summary>
    public async Task<JsonDocument> CheckAsync(CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await Client.PostAsync("monitoring/drift/check", content: null, cancellationToken);
        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _process.DisposeAsync();
    }
}
