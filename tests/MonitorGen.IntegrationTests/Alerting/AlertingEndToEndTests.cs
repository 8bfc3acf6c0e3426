using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MonitorGen.IntegrationTests.ExampleService;
using MonitorGen.IntegrationTests.Prometheus;
using SeattleWeatherService;
using SeattleWeatherService.Replay;

namespace MonitorGen.IntegrationTests.Alerting;

/// <summary>
/// The generated rules with real parts: the example service (its own process), a real Prometheus that scrapes it and
/// evaluates the rules, a real Alertmanager, and a webhook receiver inside the test. Skipped without Prometheus or
/// Alertmanager; failed instead when MONITORGEN_REQUIRE_PROMETHEUS=1.
/// </summary>
public sealed class AlertingEndToEndTests : IDisposable
{
    private static readonly TimeSpan DeliveryLimit = TimeSpan.FromSeconds(90);
    private readonly string _directory = Directory.CreateTempSubdirectory("monitorgen-alerting-").FullName;

    [Fact]
    public async Task In_distribution_traffic_fires_nothing_winter_delivers_the_drift_alert_and_stopped_traffic_the_absent_one()
    {
        PrometheusServer.RequireBinary();
        AlertmanagerServer.RequireBinary();
        var cancel = TestContext.Current.CancellationToken;
        // The example's rules with the test's clock: 10 s without a prediction is an outage, and one alarmed check is drift.
        string rules = Path.Combine(_directory, "rules.yml");
        (int exit, _, string errors) = AlertingRuleTests.Generate(rules, "--absent-for", "10s", "--drift-checks", "1", "--check-interval", "1s");
        Assert.True(exit == 0, errors);

        ReplayPlan plan = ReplayPlan.Create(WeatherCsv.ReadEmbedded().Days, windowSize: 30, inDistributionWindows: 6);
        WeatherFeatures[] calm = Rows(plan, ReplayPlan.InDistribution);
        WeatherFeatures[] winter = Rows(plan, ReplayPlan.Shifted);

        await using WebhookReceiver receiver = await WebhookReceiver.StartAsync(cancel);
        await using AlertmanagerServer alertmanager = await AlertmanagerServer.StartAsync(receiver.Address, cancel);
        await using ExampleReplica service = await ExampleReplica.StartAsync(cancel);
        // Traffic flows before Prometheus starts, as it would in production.
        await using var traffic = new TrafficLoop(service, calm, cancel);
        await using PrometheusServer prometheus = await PrometheusServer.StartAsync([service.Address], "/metrics", rules, alertmanager.Address, cancel);
        string Diagnostics() => $"Prometheus:\n{prometheus.Log}\nAlertmanager:\n{alertmanager.Log}\nService:\n{service.Log}";

        // In distribution: one check of 60 rows, scraped, then ten more rounds of rule evaluation: nothing pending or firing.
        await WaitUntilAsync(() => traffic.Sent.FromSource >= 60);
        (await service.CheckAsync(cancel)).Dispose();
        await prometheus.WaitForAsync("monitorgen_drift_detected{record=\"WeatherFeatures\"}", r => r.Count == 4, cancellationToken: cancel);
        DateTimeOffset scraped = DateTimeOffset.UtcNow;
        await WaitUntilAsync(async () => await prometheus.LastEvaluationAsync("monitorgen.alerts", cancel) > scraped.AddSeconds(10));
        var pendingOrFiring = await prometheus.QueryAsync("ALERTS", cancel);
        Assert.True(pendingOrFiring.Count == 0, $"In-distribution traffic raised: {string.Join("; ", pendingOrFiring)}");
        Assert.True(receiver.Alerts.Count == 0, $"In-distribution traffic delivered: {string.Join("; ", receiver.Alerts)}");

        // Winter: a window of winter rows alarms, and the drift alert reaches the receiver. The check right after the
        // switch closes the calm rows sent while the rules were watched.
        traffic.SwitchTo(winter);
        (await service.CheckAsync(cancel)).Dispose();
        await WaitUntilAsync(() => traffic.Sent.FromSource >= 60);
        using (JsonDocument check = await service.CheckAsync(cancel))
        {
            JsonElement features = check.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("record").GetString() == "WeatherFeatures");
            Assert.True(features.GetProperty("report").GetProperty("alarmedFeatures").GetInt32() > 0, features.GetRawText());
        }

        DeliveredAlert drift = await receiver.WaitForAsync("MonitorGenDriftDetected", DeliveryLimit, Diagnostics, cancel, ("record", "WeatherFeatures"));
        Assert.Equal(("warning", "seattle-weather"), (drift.Labels["severity"], drift.Labels["model"]));
        Assert.Contains(drift.Labels["feature"], new[] { "Precipitation", "TempMax", "TempMin", "Wind" });
        Assert.DoesNotContain(receiver.Alerts, a => a.Name == "MonitorGenPredictionsAbsent");

        // Stopped traffic: the absent alert follows.
        await traffic.StopAsync();
        DeliveredAlert absent = await receiver.WaitForAsync("MonitorGenPredictionsAbsent", DeliveryLimit, Diagnostics, cancel);
        Assert.Equal(("page", "seattle-weather"), (absent.Labels["severity"], absent.Labels["model"]));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static WeatherFeatures[] Rows(ReplayPlan plan, string segment) =>
        plan.Windows.Where(w => w.Segment == segment).SelectMany(w => w.Days).Select(d => d.Features).ToArray();

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > DeliveryLimit)
            {
                throw new TimeoutException($"The condition did not hold within {DeliveryLimit}.");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
