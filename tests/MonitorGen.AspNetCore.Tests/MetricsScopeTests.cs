using System.Diagnostics.Metrics;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace MonitorGen.AspNetCore.Tests;

/// <summary><c>/metrics</c> exports MonitorGen's meter, and another meter only when the application adds it.</summary>
public sealed class MetricsScopeTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Another_meter_reaches_the_scrape_only_when_the_application_opts_in(bool optIn)
    {
        string meterName = $"Application.Meter.{optIn}";
        using var meter = new Meter(meterName);
        Counter<long> orders = meter.CreateCounter<long>($"app_orders_{(optIn ? "in" : "out")}");
        await using WeatherApp app = await WeatherApp.StartAsync(services: s =>
        {
            if (optIn)
            {
                s.AddOpenTelemetry().WithMetrics(m => m.AddMeter(meterName));
            }
        });
        await app.PostAsync(System.Linq.Enumerable.Take(SeattleWeather.Summer, 3));
        orders.Add(7);

        using HttpResponseMessage response = await app.Client.GetAsync("/metrics", TestContext.Current.CancellationToken);
        string text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("monitorgen_predictions_total", text, System.StringComparison.Ordinal);
        Assert.Equal(optIn, text.Contains($"app_orders_{(optIn ? "in" : "out")}", System.StringComparison.Ordinal));
    }
}
