using System.Linq;
using MonitorGen.Monitoring;
using MonitorGen.Tests.Records;
using MonitorGen.Tests.Support;

namespace MonitorGen.Tests.Monitoring;

/// <summary>Bad values are counted as data-quality events, never thrown.</summary>
public sealed class DataQualityTests
{
    private static readonly ReferenceProfile Profile = WeatherDay.FitProfile(SeattleWeather.Summer);

    private static readonly WeatherDay Normal = SeattleWeather.Summer.First();

    [Fact]
    public void NaN_and_infinities_are_counted_and_not_sampled()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);

        monitor.Observe(Normal with { TempMax = double.NaN });
        monitor.Observe(Normal with { TempMax = double.PositiveInfinity });
        monitor.Observe(Normal with { TempMax = double.NegativeInfinity });

        var tempMax = Feature<NumericFeatureState>(monitor, nameof(WeatherDay.TempMax));
        Assert.Equal(3, tempMax.Current.Quality.NonFinite);
        Assert.Equal(0, tempMax.Current.Count);
        Assert.Equal(3, monitor.WindowRows);
    }

    [Fact]
    public void Null_values_and_null_rows_are_counted_as_missing()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);

        monitor.Observe(Normal with { Wind = null });
        monitor.Observe(null!);

        var wind = Feature<NumericFeatureState>(monitor, nameof(WeatherDay.Wind));
        Assert.Equal(2, wind.Current.Quality.Missing);
        Assert.Equal(1, Feature<NumericFeatureState>(monitor, nameof(WeatherDay.TempMax)).Current.Quality.Missing);
        Assert.Equal(2, monitor.WindowRows);
    }

    [Fact]
    public void An_undefined_enum_value_is_an_unseen_category()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);

        monitor.Observe(Normal with { Weather = (WeatherKind)99 });

        var weather = Feature<CategoricalFeatureState>(monitor, nameof(WeatherDay.Weather));
        Assert.Equal(1, weather.Current.Quality.UnseenCategory);
        Assert.Equal(1, weather.Current.Counts[weather.Current.Counts.Length - 1]);
    }

    [Fact]
    public void A_category_absent_from_the_reference_is_unseen()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);
        // Summer in Seattle has no snow: the profile has no Snow category.
        Assert.DoesNotContain("Snow", Feature<CategoricalFeatureState>(monitor, nameof(WeatherDay.Weather)).Profile.Categories);

        monitor.Observe(Normal with { Weather = WeatherKind.Snow });

        Assert.Equal(1, Feature<CategoricalFeatureState>(monitor, nameof(WeatherDay.Weather)).Current.Quality.UnseenCategory);
    }

    [Fact]
    public void Values_outside_the_expected_range_are_counted_and_still_sampled()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);

        monitor.Observe(Normal with { TempMin = -40 });
        monitor.Observe(Normal with { TempMin = 10 });

        var tempMin = Feature<NumericFeatureState>(monitor, nameof(WeatherDay.TempMin));
        Assert.Equal(1, tempMin.Current.Quality.OutOfRange);
        Assert.Equal(2, tempMin.Current.Count);
    }

    [Fact]
    public void The_report_gives_the_share_of_rows_with_issues()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);
        foreach (var day in SeattleWeather.Summer.Take(30))
        {
            monitor.Observe(day);
        }

        for (int i = 0; i < 10; i++)
        {
            monitor.Observe(Normal with { Wind = null, TempMax = double.NaN });
        }

        DriftReport report = monitor.CheckDrift();

        Assert.Equal(40, report.Rows);
        Assert.Equal(10, report.RowsWithIssues);
        Assert.Equal(0.25, report.DataQualityFailureShare, 12);
        var wind = report.Features.Single(f => f.Feature == nameof(WeatherDay.Wind));
        Assert.Equal(10, wind.Missing);
    }

    private static T Feature<T>(ModelMonitor monitor, string name)
        where T : FeatureState => (T)monitor.Features.Single(f => f.Name == name);
}
