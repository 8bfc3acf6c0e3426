using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MonitorGen.AspNetCore;

namespace MonitorGen.IntegrationTests.Prometheus;

/// <summary>
/// A model service on a real Kestrel at 127.0.0.1 with an ephemeral port: <c>POST /predict</c> observes a
/// <see cref="SensorReading"/>, and <c>AddMonitorGen</c> with <c>MapMonitorGen</c> serve <c>/metrics</c> and the drift endpoints.
/// </summary>
internal sealed class SensorService : IAsyncDisposable
{
    private SensorService(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>Readings around 20 °C and 50 % humidity, spread over the zones, from a seeded generator.</summary>
    public static IReadOnlyList<SensorReading> Readings(int count, int seed, double temperatureShift = 0)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => new SensorReading
        {
            Temperature = 20 + temperatureShift + (4 * Gaussian(random)),
            Humidity = 50 + (8 * Gaussian(random)),
            Zone = (Zone)random.Next(3),
        }).ToArray();
    }

    public static async Task<SensorService> StartAsync(Action<MonitorGenOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        ReferenceProfile profile = SensorReading.FitProfile(Readings(2000, seed: 1));
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddMonitorGen(o =>
        {
            // A test harness on loopback: the management endpoints answer the test anonymously, as often as it checks.
            o.AllowAnonymousManagement = true;
            o.ManualCheckMinimumInterval = TimeSpan.Zero;
            configure?.Invoke(o);
        }).AddModel(sp => new SensorReadingMonitor(profile, logger: sp.GetRequiredService<ILogger<SensorReadingMonitor>>()));
        WebApplication app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.MapPost("/predict", (SensorReading reading, SensorReadingMonitor monitor) =>
        {
            monitor.Observe(reading);
            return Results.Ok(new { comfortable = reading.Temperature is > 18 and < 24 });
        });
        app.MapMonitorGen();
        return new SensorService(app, await LoopbackHost.StartAsync(app, cancellationToken));
    }

    public async Task PredictAsync(IEnumerable<SensorReading> readings, CancellationToken cancellationToken = default)
    {
        foreach (SensorReading reading in readings)
        {
            using HttpResponseMessage response = await Client.PostAsJsonAsync("/predict", reading, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
    }

    public async Task CheckDriftAsync(CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await Client.PostAsync("/monitoring/drift/check", content: null, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
