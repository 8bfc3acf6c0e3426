using System.Linq;
using MonitorGen.Tests.Records;
using MonitorGen.Tests.Support;

namespace MonitorGen.Tests.Monitoring;

/// <summary>A feature whose test throws, whatever the exception, is reported as failed; the check and its window stand.</summary>
public sealed class FailingCheckTests
{
    [Fact]
    public void A_test_that_throws_an_unexpected_exception_type_fails_its_feature_only_and_loses_no_row()
    {
        ReferenceProfile profile = WeatherDay.FitProfile(SeattleWeather.Summer);
        using var monitor = WeatherDay.CreateMonitor(profile);
        // The profile is a public, mutable object: emptying a psi feature's bins after the monitor was built makes its
        // test throw a NullReferenceException, which is none of the argument, state or arithmetic failures once caught.
        profile.Features.Single(f => f.Name == nameof(WeatherDay.TempMin)).BinCounts = null!;
        foreach (WeatherDay day in SeattleWeather.Winter)
        {
            monitor.Observe(day);
        }

        DriftReport report = monitor.CheckDrift();

        FeatureDriftResult tempMin = report.Features.Single(f => f.Feature == nameof(WeatherDay.TempMin));
        Assert.False(tempMin.Tested);
        Assert.StartsWith("the test failed", tempMin.Note, System.StringComparison.Ordinal);
        Assert.True(report.Features.Single(f => f.Feature == nameof(WeatherDay.TempMax)).Tested);
        Assert.Equal(SeattleWeather.Winter.Count(), report.Rows);
        Assert.Equal(SeattleWeather.Winter.Count(), monitor.ObservedRows);
    }

    [Fact]
    public void A_method_that_cannot_run_on_the_window_keeps_its_counts_and_data_quality()
    {
        ReferenceProfile profile = ToggleRow.FitProfile(Enumerable.Range(0, 200).Select(i => new ToggleRow((Toggle)(i % 2))));
        using var monitor = ToggleRow.CreateMonitor(profile);
        for (int i = 0; i < 60; i++)
        {
            monitor.Observe(new ToggleRow((Toggle)(i % 3)));   // every third value is undefined: three cells for a two-value test
        }

        FeatureDriftResult state = monitor.CheckDrift().Features.Single();
        Assert.Equal("z", state.Method);
        Assert.False(state.Tested);
        Assert.StartsWith("the test failed: z compares the share of one of two values", state.Note, System.StringComparison.Ordinal);
        Assert.Equal(60, state.CurrentCount);
        Assert.Equal(20, state.UnseenCategory);
    }
}
