using System.Linq;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MonitorGen.Tests.Records;
using MonitorGen.Tests.Support;

namespace MonitorGen.Tests.Health;

/// <summary>Readiness of a model's reference profile.</summary>
public sealed class ProfileLoadedHealthCheckTests
{
    [Fact]
    public void Healthy_with_the_profile_identity_once_the_monitor_holds_it()
    {
        ReferenceProfile profile = WeatherDay.FitProfile(SeattleWeather.Summer);
        using var monitor = WeatherDay.CreateMonitor(profile);

        HealthCheckResult result = new ProfileLoadedHealthCheck(monitor).Evaluate();

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(profile.RowCount, result.Data["rows"]);
        Assert.Equal(profile.Features.Count, result.Data["features"]);
        Assert.Equal(profile.SchemaHash, result.Data["schemaHash"]);
        Assert.Contains(profile.Source, result.Description);
    }

    [Fact]
    public void Unhealthy_when_the_profile_holds_no_rows()
    {
        ReferenceProfile profile = WeatherDay.FitProfile(SeattleWeather.Summer);
        profile.RowCount = 0;
        using var monitor = WeatherDay.CreateMonitor(profile);

        HealthCheckResult result = new ProfileLoadedHealthCheck(monitor).Evaluate();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("empty", result.Description);
    }
}
