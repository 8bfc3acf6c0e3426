using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace MonitorGen.IntegrationTests.Prometheus;

/// <summary>
/// A real Prometheus scrapes a real Kestrel service: the prediction count and the drift gauges, as PromQL sees them.
/// Skipped without Prometheus; failed instead when MONITORGEN_REQUIRE_PROMETHEUS=1.
/// </summary>
public sealed class PrometheusScrapeTests
{
    private const string Model = "model=\"sensor-model\"";

    [Fact]
    public async Task PromQL_counts_every_prediction_and_sees_the_drift_gauge_flip_for_the_shifted_feature_only()
    {
        PrometheusServer.RequireBinary();
        var cancel = TestContext.Current.CancellationToken;
        await using SensorService service = await SensorService.StartAsync(o => o.EnableBackgroundChecks = false, cancel);
        await using PrometheusServer prometheus = await PrometheusServer.StartAsync(service.Address, cancellationToken: cancel);

        var calm = SensorService.Readings(300, seed: 2);
        await service.PredictAsync(calm, cancel);
        await service.CheckDriftAsync(cancel);
        await prometheus.WaitForValueAsync($"monitorgen_drift_detected{{{Model},feature=\"Temperature\"}}", v => v == 0, cancellationToken: cancel);
        Assert.Equal(0, await prometheus.WaitForValueAsync($"monitorgen_drift_detected{{{Model},feature=\"Humidity\"}}", _ => true, cancellationToken: cancel));

        var shifted = SensorService.Readings(300, seed: 3, temperatureShift: 6);
        await service.PredictAsync(shifted, cancel);
        await service.CheckDriftAsync(cancel);
        await prometheus.WaitForValueAsync($"monitorgen_drift_detected{{{Model},feature=\"Temperature\"}}", v => v == 1, cancellationToken: cancel);

        int sent = calm.Count + shifted.Count;
        double predictions = await prometheus.WaitForValueAsync($"sum(monitorgen_predictions_total{{{Model}}})", v => v >= sent, cancellationToken: cancel);
        Assert.Equal(sent, predictions);

        // The flip, as a query over the scraped history: the gauge was 0 and is now 1.
        Assert.Equal(0, (await prometheus.QueryAsync($"min_over_time(monitorgen_drift_detected{{{Model},feature=\"Temperature\"}}[5m])", cancel)).Single().Value);
        Assert.Equal(1, (await prometheus.QueryAsync($"max_over_time(monitorgen_drift_detected{{{Model},feature=\"Temperature\"}}[5m])", cancel)).Single().Value);
        // Only the shifted feature drifted, and one of three features is not a dataset drift.
        var detected = await prometheus.QueryAsync($"monitorgen_drift_detected{{{Model}}}", cancel);
        Assert.Equal(["Humidity:0", "Temperature:1", "Zone:0"], detected.Select(s => $"{s["feature"]}:{s.Value}").Order());
        Assert.Equal(0, (await prometheus.QueryAsync($"monitorgen_drift_dataset{{{Model}}}", cancel)).Single().Value);
        FeatureDriftResult temperature = service.App.Services.GetRequiredService<SensorReadingMonitor>().LastReport!.Features.Single(f => f.Feature == "Temperature");
        var score = (await prometheus.QueryAsync($"monitorgen_drift_score{{{Model},feature=\"Temperature\"}}", cancel)).Single();
        Assert.Equal(temperature.Method, score["method"]);
        Assert.Equal(temperature.Score!.Value, score.Value, 9);
        Assert.Equal("2", score["model_version"]);
        Assert.Equal(PrometheusServer.Job, score["job"]);
    }
}
