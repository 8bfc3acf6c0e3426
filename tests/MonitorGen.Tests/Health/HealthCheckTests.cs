using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MonitorGen.Tests.Records;
using MonitorGen.Tests.Support;

namespace MonitorGen.Tests.Health;

/// <summary>The model's health follows its latest drift check.</summary>
public sealed class HealthCheckTests
{
    private static readonly WeatherDay[] Summer = SeattleWeather.Summer.ToArray();
    private static readonly ReferenceProfile Profile = WeatherDay.FitProfile(Summer.Where((_, i) => i % 2 == 0));

    [Fact]
    public async Task Healthy_before_any_check_and_after_a_quiet_window()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);
        var check = new ModelHealthCheck(monitor);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        foreach (var day in Summer.Where((_, i) => i % 2 == 1))
        {
            monitor.Observe(day);
        }

        monitor.CheckDrift();
        HealthCheckResult result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Same(monitor.LastReport, result.Data["report"]);
    }

    [Fact]
    public void Degraded_when_the_dataset_drifts()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);
        foreach (var day in SeattleWeather.Winter)
        {
            monitor.Observe(day);
        }

        monitor.CheckDrift();
        HealthCheckResult result = new ModelHealthCheck(monitor).Evaluate();

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("TempMax", result.Description, System.StringComparison.Ordinal);
        Assert.Equal(true, result.Data["datasetDrift"]);
    }

    [Fact]
    public void Unhealthy_when_data_quality_failures_exceed_the_configured_share()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile, new MonitorOptions { MaxDataQualityFailureShare = 0.2 });
        foreach (var day in Summer.Take(70))
        {
            monitor.Observe(day);
        }

        for (int i = 0; i < 30; i++)
        {
            monitor.Observe(Summer[i] with { TempMax = double.NaN });
        }

        monitor.CheckDrift();
        HealthCheckResult result = new ModelHealthCheck(monitor).Evaluate();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal(0.3, (double)result.Data["dataQualityFailureShare"], 12);
    }
}
