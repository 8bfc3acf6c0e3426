using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SeattleWeatherService;

namespace MonitorGen.IntegrationTests.ExampleService;

/// <summary>
/// The example service on a real Kestrel at 127.0.0.1, with an ephemeral port, its windows closed only on request, and
/// <see cref="ApiKey"/> as its management key, which <see cref="Client"/> sends.
/// </summary>
internal sealed class RunningWeatherService : IAsyncDisposable
{
    private RunningWeatherService(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public const string ApiKey = "test-operator-key";

    public WebApplication App { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <param name="extraArgs">More host arguments.</param>
    /// <param name="clock">The service's clock (the demo's simulated calendar), or null for the system's.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<RunningWeatherService> StartAsync(string[]? extraArgs = null, CancellationToken cancellationToken = default, TimeProvider? clock = null)
    {
        WebApplication app = WeatherService.Build(["--urls", "http://127.0.0.1:0", $"--SeattleWeather:ApiKey={ApiKey}", .. extraArgs ?? []], builder =>
        {
            if (clock is not null)
            {
                builder.Services.AddSingleton(clock);
            }

            builder.Logging.ClearProviders();
            builder.Services.AddMonitorGen(options => options.EnableBackgroundChecks = false);
        });
        return new RunningWeatherService(app, await LoopbackHost.StartAsync(app, cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
