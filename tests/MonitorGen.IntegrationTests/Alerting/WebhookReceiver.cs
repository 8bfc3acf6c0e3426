using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MonitorGen.IntegrationTests.Alerting;

/// <summary>
/// Alertmanager's webhook receiver, inside the test: a Kestrel endpoint on 127.0.0.1 that keeps every alert delivered to
/// <c>POST /alerts</c>, by name and labels.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<DeliveredAlert> _alerts;

    private WebhookReceiver(WebApplication app, Uri address, ConcurrentQueue<DeliveredAlert> alerts)
    {
        _app = app;
        Address = address;
        _alerts = alerts;
    }

    /// <summary>Where Alertmanager posts: <c>http://127.0.0.1:{port}/alerts</c>.</summary>
    public Uri Address { get; }

    /// <summary>Every alert delivered so far, in order.</summary>
    public IReadOnlyList<DeliveredAlert> Alerts => _alerts.ToArray();

    public static async Task<WebhookReceiver> StartAsync(CancellationToken cancellationToken)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var alerts = new ConcurrentQueue<DeliveredAlert>();
        app.MapPost("/alerts", async (HttpRequest request) =>
        {
            using JsonDocument body = await JsonDocument.ParseAsync(request.Body);
            foreach (JsonElement alert in body.RootElement.GetProperty("alerts").EnumerateArray())
            {
                alerts.Enqueue(new DeliveredAlert(
                    alert.GetProperty("status").GetString() ?? "",
                    alert.GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "")));
            }

            return Results.Ok();
        });
        Uri address = await LoopbackHost.StartAsync(app, cancellationToken);
        return new WebhookReceiver(app, new Uri(address, "alerts"), alerts);
    }

    /// <summary>Polls until a firing alert named <paramref name="name"/> (and matching <paramref name="labels"/>) arrives.</summary>
    public async Task<DeliveredAlert> WaitForAsync(string name, TimeSpan timeout, Func<string>? diagnostics = null, CancellationToken cancellationToken = default,
        params (string Label, string Value)[] labels)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            DeliveredAlert? found = Alerts.FirstOrDefault(a => a.Status == "firing" && a.Name == name && labels.All(l => a.Labels.GetValueOrDefault(l.Label) == l.Value));
            if (found is not null)
            {
                return found;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{name} did not reach the receiver within {timeout}. Delivered: [{string.Join("; ", Alerts)}]\n{diagnostics?.Invoke()}");
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
