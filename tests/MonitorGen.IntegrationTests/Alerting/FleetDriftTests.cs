using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MonitorGen.IntegrationTests.ExampleService;
using MonitorGen.IntegrationTests.Prometheus;
using SeattleWeatherService;
using SeattleWeatherService.Replay;

namespace MonitorGen.IntegrationTests.Alerting;

/// <summary>
/// Fleet-wide drift computed by Prometheus: three replicas of the example service (three processes) on loopback, uneven
/// traffic, one real Prometheus scraping all three and evaluating the generated recording rules. Skipped without
/// Prometheus; failed instead when MONITORGEN_REQUIRE_PROMETHEUS=1.
/// </summary>
/// <remarks>
/// How the numbers are compared: the rules count a window's rows as the counter now less the counter a window ago (not
/// <c>increase()</c>, which extrapolates each replica by its own factor), so the fleet's counts are the replicas' exact
/// sums, and PromQL's PSI is compared with the library's PSI of one in-process monitor that observed the same rows, to
/// 1e-9 relative. The 1-hour window holds the whole test.
/// </remarks>
public sealed class FleetDriftTests : IDisposable
{
    private const double Relative = 1e-9;
    private static readonly string[] Inputs = ["Precipitation", "TempMax", "TempMin", "Wind"];
    private readonly string _directory = Directory.CreateTempSubdirectory("monitorgen-fleet-").FullName;

    [Fact]
    public async Task The_fleet_PSI_in_PromQL_equals_the_merged_rows_PSI_and_finds_a_drift_no_replica_holds_enough_rows_to_test()
    {
        PrometheusServer.RequireBinary();
        var cancel = TestContext.Current.CancellationToken;
        string rules = Path.Combine(_directory, "rules.yml");
        (int exit, _, string errors) = AlertingRuleTests.Generate(rules);
        Assert.True(exit == 0, errors);

        ExampleReplica[] replicas = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ExampleReplica.StartAsync(cancel)));
        try
        {
            await using PrometheusServer prometheus = await PrometheusServer.StartAsync(replicas.Select(r => r.Address).ToArray(), "/metrics", rules, null, cancel);
            ReplayPlan plan = ReplayPlan.Create(WeatherCsv.ReadEmbedded().Days, windowSize: 30, inDistributionWindows: 6);
            WeatherFeatures[] winter = plan.Windows.Where(w => w.Segment == ReplayPlan.Shifted).SelectMany(w => w.Days).Select(d => d.Features).Take(50).ToArray();
            // Uneven traffic, each replica under the 30 rows a drift test needs.
            int[] shares = [25, 15, 10];
            for (int i = 0, start = 0; i < replicas.Length; start += shares[i], i++)
            {
                await replicas[i].PredictAsync(winter.Skip(start).Take(shares[i]), cancel);
                using JsonDocument check = await replicas[i].CheckAsync(cancel);
                JsonElement inputs = check.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("record").GetString() == "WeatherFeatures");
                Assert.Equal(shares[i], inputs.GetProperty("report").GetProperty("rows").GetInt64());
                Assert.All(inputs.GetProperty("report").GetProperty("features").EnumerateArray(), f => Assert.False(f.GetProperty("tested").GetBoolean()));
            }

            // The same 50 rows through one monitor in this process: the merged rows, tested.
            using var merged = new WeatherFeaturesMonitor(ReferenceProfile.Load(Path.Combine(AppContext.BaseDirectory, WeatherService.FeaturesProfileFile)));
            foreach (WeatherFeatures row in winter)
            {
                merged.Observe(row);
            }

            DriftReport report = merged.CheckDrift();
            const string Window = "window1h";
            string Of(string statistic, string feature) =>
                $"model_record_feature:monitorgen_feature_{statistic}:{Window}{{record=\"WeatherFeatures\",feature=\"{feature}\"}}";
            foreach (string feature in Inputs)
            {
                await prometheus.WaitForValueAsync($"model_record_feature:monitorgen_feature_bin_rows:sum_{Window}{{record=\"WeatherFeatures\",feature=\"{feature}\"}}",
                    v => v == 50, cancellationToken: cancel);
            }

            foreach (string feature in Inputs)
            {
                FeatureDistribution bins = report.Features.Single(f => f.Feature == feature).Distribution!;
                await AssertConvergesAsync(prometheus, Of("psi", feature), BinStatistics.Psi(bins.Reference, bins.Current), $"{feature} PSI", cancel);
                await AssertConvergesAsync(prometheus, Of("jensenshannon", feature), BinStatistics.JensenShannon(bins.Reference, bins.Current),
                    $"{feature} Jensen-Shannon", cancel);
                await AssertConvergesAsync(prometheus, Of("chisquare", feature), BinStatistics.ChiSquare(bins.Reference, bins.Current),
                    $"{feature} chi-square", cancel);
            }

            // TempMax is tested with PSI: the library's own number.
            FeatureDriftResult tempMax = report.Features.Single(f => f.Feature == "TempMax");
            Assert.Equal("psi", tempMax.Method);
            AssertClose(tempMax.Score!.Value, await prometheus.WaitForValueAsync(Of("psi", "TempMax"), _ => true, cancellationToken: cancel), "TempMax PSI against the library's");

            // No replica could test the drift; the fleet finds it.
            double threshold = await prometheus.WaitForValueAsync(Of("psi_threshold", "TempMax"), _ => true, cancellationToken: cancel);
            Assert.True(tempMax.Score.Value > threshold, $"PSI {tempMax.Score} is not above the fleet threshold {threshold}");
            await prometheus.WaitForAsync("ALERTS{alertname=\"MonitorGenFleetDrift\",alertstate=\"firing\",record=\"WeatherFeatures\",feature=\"TempMax\"}",
                r => r.Count == 1, cancellationToken: cancel);
        }
        finally
        {
            foreach (ExampleReplica replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // A statistic's rule can be evaluated before the bin-count rule that the test waits for, and so from the rows of an
    // earlier scrape: wait for the value to reach the in-process one, and report the last value if it never does.
    private static async Task AssertConvergesAsync(PrometheusServer prometheus, string promql, double expected, string what, CancellationToken cancel)
    {
        double last = double.NaN;
        try
        {
            await prometheus.WaitForValueAsync(promql, value => IsClose(expected, last = value), TimeSpan.FromSeconds(30), cancel);
        }
        catch (TimeoutException)
        {
        }

        AssertClose(expected, last, what);
    }

    private static bool IsClose(double expected, double actual) => Math.Abs(actual - expected) <= Relative * Math.Abs(expected);

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(IsClose(expected, actual),
            $"{what}: PromQL {actual:R}, in process {expected:R} (relative difference {Math.Abs(actual - expected) / Math.Abs(expected):E2})");
}
