using System.Linq;
using System.Threading.Tasks;
using MonitorGen.Monitoring;
using MonitorGen.Tests.Records;
using MonitorGen.Tests.Support;

namespace MonitorGen.Tests.Monitoring;

/// <summary>The generated Observe updates the window exactly, from one thread or many.</summary>
public sealed class ObserveTests
{
    private static readonly ReferenceProfile Profile = WeatherDay.FitProfile(SeattleWeather.Summer);

    [Fact]
    public void Observe_counts_rows_bins_and_categories()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);
        var days = SeattleWeather.Winter.Take(50).ToArray();

        foreach (var day in days)
        {
            monitor.Observe(day);
        }

        Assert.Equal(50, monitor.WindowRows);
        Assert.Equal(50, monitor.ObservedRows);
        var tempMax = (NumericFeatureState)monitor.Features.Single(f => f.Name == nameof(WeatherDay.TempMax));
        Assert.Equal(50, tempMax.Current.Count);
        Assert.Equal(50, tempMax.Current.Bins.Total());
        var weather = (CategoricalFeatureState)monitor.Features.Single(f => f.Name == nameof(WeatherDay.Weather));
        int rainSlot = System.Array.IndexOf(weather.Profile.Categories, "Rain");
        Assert.Equal(days.Count(d => d.Weather == WeatherKind.Rain), weather.Current.Counts[rainSlot]);
    }

    [Fact]
    public void Parallel_callers_lose_no_update()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);
        var days = SeattleWeather.All.ToArray();
        const int Threads = 8;
        const int PerThread = 20_000;

        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            for (int i = 0; i < PerThread; i++)
            {
                monitor.Observe(days[(t * 7919 + i) % days.Length]);
            }
        });

        const long Total = Threads * PerThread;
        Assert.Equal(Total, monitor.WindowRows);
        foreach (FeatureState feature in monitor.Features)
        {
            long counted = feature is NumericFeatureState numeric ? numeric.Current.Bins.Total() : ((CategoricalFeatureState)feature).Current.Counts.Total();
            Assert.Equal(Total, counted);
        }

        var wind = (NumericFeatureState)monitor.Features.Single(f => f.Name == nameof(WeatherDay.Wind));
        Assert.Equal(Total, wind.Current.Sample.Seen);
        Assert.Equal(wind.Current.Sample.Capacity, wind.Current.Sample.Count);
    }

    [Fact]
    public async Task Drift_checks_racing_parallel_callers_lose_no_row()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);
        var days = SeattleWeather.All.ToArray();
        const int Threads = 4;
        const int PerThread = 50_000;
        long reportedRows = 0, reportedTempMax = 0;
        using var writersDone = new System.Threading.CountdownEvent(Threads);

        var checker = Task.Run(() =>
        {
            while (!writersDone.IsSet)
            {
                DriftReport report = monitor.CheckDrift();
                reportedRows += report.Rows;
                reportedTempMax += report.Features.Single(f => f.Feature == nameof(WeatherDay.TempMax)).CurrentCount;
            }
        });
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            for (int i = 0; i < PerThread; i++)
            {
                monitor.Observe(days[(t * 31 + i) % days.Length]);
            }

            writersDone.Signal();
        });
        await checker;
        DriftReport last = monitor.CheckDrift();
        reportedRows += last.Rows;
        reportedTempMax += last.Features.Single(f => f.Feature == nameof(WeatherDay.TempMax)).CurrentCount;

        Assert.Equal(Threads * PerThread, reportedRows);
        Assert.Equal(Threads * PerThread, reportedTempMax);
        Assert.Equal(Threads * PerThread, monitor.ObservedRows);
    }

    [Fact]
    public void A_drift_check_closes_the_window()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);
        foreach (var day in SeattleWeather.Summer.Take(40))
        {
            monitor.Observe(day);
        }

        DriftReport report = monitor.CheckDrift();

        Assert.Equal(40, report.Rows);
        Assert.Equal(0, monitor.WindowRows);
        Assert.All(monitor.Features, f => Assert.Equal(0, f is NumericFeatureState n ? n.Current.Count : ((CategoricalFeatureState)f).Current.Count));
        Assert.Same(report, monitor.LastReport);
    }
}
