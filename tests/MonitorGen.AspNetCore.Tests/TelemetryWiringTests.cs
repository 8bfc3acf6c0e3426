using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using OpenTelemetry;
using OpenTelemetry.Trace;
using MonitorGen.Telemetry;

namespace MonitorGen.AspNetCore.Tests;

/// <summary>What <c>AddMonitorGen</c> exports: the Prometheus scrape of a real Kestrel, OTLP to a collector that is not there.</summary>
[Collection(nameof(MetricsCollection))]
public sealed class TelemetryWiringTests
{
    [Fact]
    public async Task Predictions_and_the_drift_gauges_per_model_feature_and_method_are_scraped()
    {
        await using WeatherApp app = await WeatherApp.StartAsync();
        IReadOnlyList<WeatherObservation> summer = SeattleWeather.Spread(SeattleWeather.SummerHeldOut, 90);
        await app.PostAsync(summer);
        (await app.CheckAsync()).Dispose();

        PrometheusText scrape = await app.ScrapeAsync();
        Assert.Equal(summer.Count, scrape.Single("monitorgen_predictions_total", ("model", "seattle-weather"), ("model_version", "1.0")));
        Assert.Equal(0, scrape.Single("monitorgen_drift_detected", ("model", "seattle-weather"), ("feature", "TempMax"), ("method", "ks")));
        Assert.Equal(0, scrape.Single("monitorgen_drift_dataset", ("model", "seattle-weather")));
        double summerScore = scrape.Single("monitorgen_drift_score", ("model", "seattle-weather"), ("feature", "TempMax"), ("method", "ks"));
        Assert.Equal(app.Monitor.LastReport!.Features.Single(f => f.Feature == "TempMax").Score!.Value, summerScore, 12);

        IReadOnlyList<WeatherObservation> winter = SeattleWeather.Winter.Take(120).ToArray();
        await app.PostAsync(winter);
        (await app.CheckAsync()).Dispose();

        scrape = await app.ScrapeAsync();
        Assert.Equal(summer.Count + winter.Count, scrape.Single("monitorgen_predictions_total", ("model", "seattle-weather")));
        Assert.Equal(1, scrape.Single("monitorgen_drift_detected", ("model", "seattle-weather"), ("feature", "TempMax"), ("method", "ks")));
        Assert.Equal(1, scrape.Single("monitorgen_drift_dataset", ("model", "seattle-weather")));
        Assert.True(scrape.Single("monitorgen_drift_score", ("model", "seattle-weather"), ("feature", "TempMax")) < 0.05);
        // Every tested feature has its own 0/1 series, and their sum is the report's count.
        Assert.Equal(app.Monitor.LastReport!.DriftedFeatures, scrape.Sum("monitorgen_drift_detected", ("model", "seattle-weather")));
    }

    [Fact]
    public async Task An_otlp_collector_that_accepts_and_never_answers_gets_the_export_and_serving_goes_on()
    {
        using var collector = new TcpListener(IPAddress.Loopback, 0);
        collector.Start();
        int port = ((IPEndPoint)collector.LocalEndpoint).Port;
        await using WeatherApp app = await WeatherApp.StartAsync(host: builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MonitorGen:Otlp:Endpoint"] = $"http://127.0.0.1:{port}",
            ["MonitorGen:Otlp:Protocol"] = "HttpProtobuf",
            ["MonitorGen:Otlp:ExportInterval"] = "00:00:00.200",
            ["MonitorGen:Otlp:Timeout"] = "00:00:01",
        }));

        await app.PostAsync(SeattleWeather.Summer.Take(10));
        using TcpClient export = await collector.AcceptTcpClientAsync(TestContext.Current.CancellationToken);
        var buffer = new byte[256];
        int read = await export.GetStream().ReadAsync(buffer, TestContext.Current.CancellationToken);
        Assert.StartsWith("POST /v1/metrics HTTP/", Encoding.ASCII.GetString(buffer, 0, read));

        // The exporter waits on a collector that never answers; requests do not.
        var clock = Stopwatch.StartNew();
        await app.PostAsync(SeattleWeather.Summer.Skip(10).Take(40));
        (await app.CheckAsync()).Dispose();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"50 requests and a check took {clock.Elapsed} beside a hung collector.");
        Assert.Equal(50, (await app.ScrapeAsync()).Single("monitorgen_predictions_total", ("model", "seattle-weather")));
    }

    [Fact]
    public async Task An_otlp_endpoint_on_a_closed_port_does_not_disturb_serving_or_shutdown()
    {
        int port = ClosedPort();
        WeatherApp app = await WeatherApp.StartAsync(host: builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MonitorGen:Otlp:Endpoint"] = $"http://127.0.0.1:{port}",
            ["MonitorGen:Otlp:ExportInterval"] = "00:00:00.100",
            ["MonitorGen:Otlp:Timeout"] = "00:00:01",
        }));
        try
        {
            for (int round = 0; round < 5; round++)
            {
                await app.PostAsync(SeattleWeather.Summer.Skip(round * 20).Take(20));
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            using (System.Text.Json.JsonDocument check = await app.CheckAsync())
            {
                Assert.Equal(100, EndToEndTests.SingleModel(check).GetProperty("report").GetProperty("rows").GetInt64());
            }

            var (status, live) = await app.GetJsonAsync("/health/live");
            live.Dispose();
            Assert.Equal(200, status);
            Assert.Equal(100, (await app.ScrapeAsync()).Single("monitorgen_predictions_total", ("model", "seattle-weather")));
        }
        finally
        {
            var stopping = Stopwatch.StartNew();
            await app.DisposeAsync();
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"Stopping took {stopping.Elapsed}.");
        }
    }

    [Fact]
    public void The_tracing_helper_listens_to_the_MonitorGen_activity_source()
    {
        var exported = new List<Activity>();
        using (TracerProvider provider = Sdk.CreateTracerProviderBuilder().AddMonitorGenInstrumentation().AddInMemoryExporter(exported).Build())
        {
            using Activity? activity = MonitorGenDiagnostics.ActivitySource.StartActivity("predict seattle-weather");
            Assert.NotNull(activity);
            Assert.True(activity.IsAllDataRequested);
        }

        Assert.Contains(exported, a => a.DisplayName == "predict seattle-weather");
    }

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
