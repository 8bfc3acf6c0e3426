using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MonitorGen.Health;
using MonitorGen.OnnxRuntime.Health;

namespace MonitorGen.OnnxRuntime.Tests;

/// <summary>The readiness check and the one-call registration.</summary>
public sealed class HealthAndRegistrationTests
{
    [Fact]
    public void The_check_is_healthy_while_the_session_is_loaded_and_unhealthy_after()
    {
        var session = Sessions.Weather("health-loaded");
        var check = new OnnxModelHealthCheck(() => session);

        HealthCheckResult loaded = check.Evaluate();
        Assert.Equal(HealthStatus.Healthy, loaded.Status);
        Assert.Equal(Fixtures.ModelPath, loaded.Data["modelPath"]);

        session.Dispose();
        Assert.Equal(HealthStatus.Unhealthy, check.Evaluate().Status);
    }

    [Fact]
    public async Task A_registered_model_is_served_from_the_container_and_ready()
    {
        await using ServiceProvider services = Register(Fixtures.ModelPath);

        HealthReport report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains(MonitorGenHealthTags.Ready));
        HealthReportEntry entry = Assert.Single(report.Entries).Value;
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("onnx:seattle-weather.onnx", Assert.Single(report.Entries).Key);

        var session = services.GetRequiredService<MonitoredInferenceSession<WeatherReading, WeatherForecast>>();
        Assert.Same(session, services.GetRequiredService<IMonitoredInferenceSession>());
        ExpectedPrediction expected = Fixtures.Expected[9];
        Assert.Equal(expected.Weather, session.Predict(expected.Input).Weather);
        Assert.Equal(1, services.GetRequiredService<WeatherReadingMonitor>().ObservedRows);
        Assert.Equal("registered-weather", session.ModelName);
    }

    [Fact]
    public async Task A_registered_model_whose_file_is_missing_is_not_ready_and_says_why()
    {
        string path = Path.Combine(Path.GetTempPath(), $"monitorgen-missing-{Guid.NewGuid():N}.onnx");
        await using ServiceProvider services = Register(path);

        HealthReport report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        HealthReportEntry entry = Assert.Single(report.Entries).Value;
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains(path, entry.Description);
        Assert.IsType<OnnxModelException>(entry.Exception);
        Assert.Throws<OnnxModelException>(() => services.GetRequiredService<IMonitoredInferenceSession>());
    }

    [Fact]
    public async Task Starting_the_host_loads_the_model_so_a_missing_file_stops_start_up_naming_it()
    {
        string path = Path.Combine(Path.GetTempPath(), $"monitorgen-missing-{Guid.NewGuid():N}.onnx");
        await using ServiceProvider missing = Register(path);
        IHostedService loader = Assert.Single(missing.GetServices<IHostedService>(), s => s.GetType().Name.StartsWith("OnnxModelLoader", StringComparison.Ordinal));
        var error = await Assert.ThrowsAsync<OnnxModelException>(() => loader.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains(path, error.Message);

        await using ServiceProvider present = Register(Fixtures.ModelPath);
        await Assert.Single(present.GetServices<IHostedService>(), s => s.GetType().Name.StartsWith("OnnxModelLoader", StringComparison.Ordinal)).StartAsync(TestContext.Current.CancellationToken);
        HealthReport report = await present.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HealthStatus.Healthy, report.Status);
    }

    private static ServiceProvider Register(string modelPath)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(_ => WeatherReading.CreateMonitor(Fixtures.ReadingProfile));
        services.AddSingleton(_ => WeatherForecast.CreateMonitor(Fixtures.ForecastProfile));
        services.AddMonitoredOnnxModel<WeatherReading, WeatherForecast>(
            modelPath,
            sp => sp.GetRequiredService<WeatherReadingMonitor>(),
            sp => sp.GetRequiredService<WeatherForecastMonitor>(),
            options => options.ModelName = "registered-weather");
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
