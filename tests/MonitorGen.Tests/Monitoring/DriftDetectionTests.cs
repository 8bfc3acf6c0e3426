using MonitorGen.Statistics;
using System.Linq;
using MonitorGen.Tests.Records;
using MonitorGen.Tests.Support;

namespace MonitorGen.Tests.Monitoring;

/// <summary>On the real Seattle data: summer against summer is quiet, winter against summer drifts.</summary>
public sealed class DriftDetectionTests
{
    // Fit on every other summer day; the days in between are the same distribution, unseen by the fit.
    private static readonly WeatherDay[] Summer = SeattleWeather.Summer.ToArray();
    private static readonly ReferenceProfile Profile = WeatherDay.FitProfile(Summer.Where((_, i) => i % 2 == 0));

    [Fact]
    public void Same_distribution_data_does_not_drift()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);
        foreach (var day in Summer.Where((_, i) => i % 2 == 1))
        {
            monitor.Observe(day);
        }

        DriftReport report = monitor.CheckDrift();

        Assert.False(report.DatasetDrift, report.ToJson());
        Assert.Equal(5, report.TestedFeatures);
        // Chi-square on the weather label is sensitive to the small reference counts of drizzle and fog (5 vs 13 days),
        // and wasserstein's 0.1 is tight at n = 184; the rank and binned tests of the temperatures must stay quiet.
        Assert.All(
            report.Features.Where(f => f.Feature is nameof(WeatherDay.TempMax) or nameof(WeatherDay.TempMin) or nameof(WeatherDay.Precipitation)),
            f => Assert.False(f.Drifted, report.ToJson()));
    }

    [Fact]
    public void Winter_data_drifts_from_a_summer_profile()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);
        foreach (var day in SeattleWeather.Winter)
        {
            monitor.Observe(day);
        }

        DriftReport report = monitor.CheckDrift();

        Assert.True(report.DatasetDrift, report.ToJson());
        var tempMax = report.Features.Single(f => f.Feature == nameof(WeatherDay.TempMax));
        Assert.True(tempMax.Drifted);
        Assert.Equal("ks", tempMax.Method);
        Assert.True(tempMax.PValue < 1e-10);
        Assert.False(tempMax.Exact);
        var tempMin = report.Features.Single(f => f.Feature == nameof(WeatherDay.TempMin));
        Assert.Equal("psi", tempMin.Method);
        Assert.Equal(0.2, tempMin.Threshold);
        Assert.True(tempMin.Drifted && tempMin.Statistic >= 0.2);
        Assert.Equal("wasserstein", report.Features.Single(f => f.Feature == nameof(WeatherDay.Wind)).Method);
    }

    [Fact]
    public void Auto_methods_follow_the_default_rules()
    {
        // n <= 1000 reference values: numerical with many values => ks; a categorical with > 2 values => chisquare.
        Assert.True(Profile.RowCount <= 1000);
        Assert.Equal(DriftMethod.Ks, Profile.Features.Single(f => f.Name == nameof(WeatherDay.Precipitation)).Method);
        Assert.Equal(DriftMethod.ChiSquare, Profile.Features.Single(f => f.Name == nameof(WeatherDay.Weather)).Method);
    }

    [Fact]
    public void A_small_window_is_reported_as_not_tested()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile, new MonitorOptions { MinimumWindowSize = 30 });
        foreach (var day in SeattleWeather.Winter.Take(10))
        {
            monitor.Observe(day);
        }

        DriftReport report = monitor.CheckDrift();

        Assert.Equal(0, report.TestedFeatures);
        Assert.False(report.DatasetDrift);
        Assert.All(report.Features, f => Assert.Contains("fewer than the minimum", f.Note, System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(MultipleTestingCorrection.Bonferroni)]
    [InlineData(MultipleTestingCorrection.BenjaminiHochberg)]
    public void Fixed_corrections_report_adjusted_p_values_beside_the_raw_ones(MultipleTestingCorrection correction)
    {
        using var monitor = WeatherDay.CreateMonitor(Profile, new MonitorOptions { Correction = correction, Thresholds = ThresholdMode.Fixed });
        foreach (var day in SeattleWeather.Months(9, 10))
        {
            monitor.Observe(day);
        }

        DriftReport report = monitor.CheckDrift();

        var pValued = report.Features.Where(f => f.PValue is not null).ToArray();
        Assert.NotEmpty(pValued);
        Assert.All(pValued, f =>
        {
            Assert.NotNull(f.AdjustedPValue);
            Assert.True(f.AdjustedPValue >= f.PValue);
            Assert.Equal(f.AdjustedPValue, f.Score);
        });
        if (correction == MultipleTestingCorrection.Bonferroni)
        {
            Assert.All(pValued, f => Assert.Equal(System.Math.Min(1, f.PValue!.Value * pValued.Length), f.AdjustedPValue!.Value, 12));
        }

        Assert.All(report.Features.Where(f => f.PValue is null), f => Assert.Null(f.AdjustedPValue));
    }

    [Theory]
    [InlineData(MultipleTestingCorrection.Bonferroni)]
    [InlineData(MultipleTestingCorrection.BenjaminiHochberg)]
    public void Calibrated_corrections_adjust_the_calibrated_p_values_of_every_tested_feature(MultipleTestingCorrection correction)
    {
        using var monitor = WeatherDay.CreateMonitor(Profile, new MonitorOptions { Correction = correction });
        foreach (var day in SeattleWeather.Months(9, 10))
        {
            monitor.Observe(day);
        }

        DriftReport report = monitor.CheckDrift();

        // A feature with a declared threshold stays fixed, and is corrected on its raw p-value with the fixed ones.
        var tested = report.Features.Where(f => f.Tested && f.ThresholdMode == ThresholdMode.Calibrated).ToArray();
        Assert.True(tested.Length >= 2);
        Assert.All(tested, f =>
        {
            Assert.NotNull(f.CalibratedPValue);
            Assert.NotNull(f.AdjustedPValue);
            Assert.True(f.AdjustedPValue >= f.CalibratedPValue);
            Assert.Equal(f.AdjustedPValue <= f.Alpha && f.Effect >= f.EffectFloor, f.Drifted);
        });
        if (correction == MultipleTestingCorrection.Bonferroni)
        {
            Assert.All(tested, f => Assert.Equal(System.Math.Min(1, f.CalibratedPValue!.Value * tested.Length), f.AdjustedPValue!.Value, 12));
        }
    }
}
