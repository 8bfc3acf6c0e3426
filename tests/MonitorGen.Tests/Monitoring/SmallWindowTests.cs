using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using MonitorGen.Tests.Records;
using MonitorGen.Tests.Support;

namespace MonitorGen.Tests.Monitoring;

/// <summary>A report never reveals one request's value: a window of fewer than k values reports no statistic of them.</summary>
public sealed class SmallWindowTests
{
    private static readonly ReferenceProfile Profile = WeatherDay.FitProfile(SeattleWeather.Summer);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_one_or_two_row_window_reveals_no_value(int rows)
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);
        monitor.CheckDrift();
        WeatherDay secret = SeattleWeather.Summer.First() with { TempMax = 31.7, TempMin = 17.3, Wind = 4.2, Precipitation = 1.9 };
        for (int i = 0; i < rows; i++)
        {
            monitor.Observe(secret);
        }

        DriftReport report = monitor.CheckDrift();
        string json = report.ToJson();

        Assert.Equal(rows, report.Rows);
        Assert.All(report.Features, f =>
        {
            Assert.Null(f.CurrentMean);
            Assert.Null(f.CurrentStandardDeviation);
            Assert.Null(f.Score);
        });
        // Compared as numbers: the report's time stamps may hold the digits "1.9" as text.
        double[] numbers = NumbersIn(JsonDocument.Parse(json).RootElement).ToArray();
        Assert.NotEmpty(numbers);
        foreach (double value in new[] { 31.7, 17.3, 4.2, 1.9 })
        {
            Assert.DoesNotContain(value, numbers);
        }
    }

    private static IEnumerable<double> NumbersIn(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => [element.GetDouble()],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(property => NumbersIn(property.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(NumbersIn),
        _ => [],
    };

    [Fact]
    public void A_window_of_k_values_reports_its_mean_and_k_is_configurable()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile, new MonitorOptions { MinimumReportedCount = 3 });
        foreach (WeatherDay day in SeattleWeather.Summer.Take(3))
        {
            monitor.Observe(day);
        }

        FeatureDriftResult tempMax = monitor.CheckDrift().Features.Single(f => f.Feature == nameof(WeatherDay.TempMax));

        Assert.Equal(SeattleWeather.Summer.Take(3).Average(d => d.TempMax), tempMax.CurrentMean!.Value, 9);
        Assert.Null(tempMax.Score);
    }
}
