using System;
using System.Linq;
using MonitorGen.Sketches;
using MonitorGen.Tests.Records;
using MonitorGen.Tests.Support;
using MonitorGen.Windows;

namespace MonitorGen.Tests.Sketches;

/// <summary>Window policies (tumbling by count and time, sliding over a ring) standalone and wired into a monitor.</summary>
public sealed class WindowTests
{
    private static readonly ReferenceProfile Profile = WeatherDay.FitProfile(SeattleWeather.Summer);

    [Fact]
    public void Policies_decide_from_rows_and_time_only()
    {
        var t0 = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.False(WindowPolicy.Manual.IsDue(long.MaxValue, t0, t0.AddYears(1)));
        Assert.False(WindowPolicy.TumblingCount(100).IsDue(99, t0, t0.AddDays(1)));
        Assert.True(WindowPolicy.TumblingCount(100).IsDue(100, t0, t0));
        Assert.False(WindowPolicy.TumblingTime(TimeSpan.FromMinutes(5)).IsDue(1_000_000, t0, t0.AddMinutes(4.9)));
        Assert.True(WindowPolicy.TumblingTime(TimeSpan.FromMinutes(5)).IsDue(0, t0, t0.AddMinutes(5)));
        WindowPolicy sliding = WindowPolicy.Sliding(WindowPolicy.TumblingCount(10), 4);
        Assert.Equal(4, sliding.SubWindows);
        Assert.True(sliding.IsDue(10, t0, t0));
        Assert.Throws<ArgumentException>(() => WindowPolicy.Sliding(sliding, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => WindowPolicy.TumblingCount(0));
    }

    [Fact]
    public void The_ring_view_is_the_merge_of_the_last_k_sub_windows_and_evicts_the_oldest()
    {
        var ring = new WindowRing<CategoricalWindow>(3);
        var view = new CategoricalWindow(2);
        CategoricalWindow[] subs = Enumerable.Range(0, 5).Select(_ => new CategoricalWindow(2)).ToArray();
        for (int i = 0; i < subs.Length; i++)
        {
            for (int k = 0; k <= i; k++)
            {
                subs[i].Counts.Increment(i % 3);
            }

            CategoricalWindow? evicted = ring.Push(subs[i]);
            Assert.Same(i < 3 ? null : subs[i - 3], evicted);
            ring.MergeInto(view);
            // Window i holds i + 1 values; the view spans windows max(0, i − 2) .. i.
            long expected = Enumerable.Range(Math.Max(0, i - 2), Math.Min(i + 1, 3)).Sum(j => j + 1L);
            Assert.Equal(expected, view.Count);
        }

        Assert.Equal(3, ring.Filled);
    }

    [Fact]
    public void A_count_window_is_due_after_n_rows_and_observe_never_checks()
    {
        var options = new MonitorOptions { Window = WindowPolicy.TumblingCount(100) };
        using var monitor = WeatherDay.CreateMonitor(Profile, options);
        WeatherDay[] days = SeattleWeather.All.ToArray();
        for (int i = 0; i < 99; i++)
        {
            monitor.Observe(days[i]);
        }

        Assert.False(monitor.IsWindowDue);
        Assert.Null(monitor.CheckDriftIfDue());
        monitor.Observe(days[99]);
        monitor.Observe(days[100]);
        // Observe only counted: nothing was tested on the hot path.
        Assert.Null(monitor.LastReport);
        Assert.True(monitor.IsWindowDue);
        DriftReport? report = monitor.CheckDriftIfDue();
        Assert.NotNull(report);
        Assert.Equal(101, report.Rows);
        Assert.Equal(0, monitor.WindowRows);
        Assert.False(monitor.IsWindowDue);
    }

    [Fact]
    public void A_time_window_follows_the_time_provider()
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var options = new MonitorOptions { Window = WindowPolicy.TumblingTime(TimeSpan.FromMinutes(10)), TimeProvider = clock };
        using var monitor = WeatherDay.CreateMonitor(Profile, options);
        foreach (var day in SeattleWeather.Summer)
        {
            monitor.Observe(day);
        }

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Null(monitor.CheckDriftIfDue());
        clock.Advance(TimeSpan.FromMinutes(1));
        DriftReport? report = monitor.CheckDriftIfDue();
        Assert.NotNull(report);
        Assert.Equal(clock.GetUtcNow(), report.CheckedAt);
        Assert.Equal(clock.GetUtcNow(), monitor.WindowOpenedAt);
        Assert.False(monitor.IsWindowDue);
    }

    [Fact]
    public void A_sliding_window_tests_the_merge_of_the_last_k_sub_windows()
    {
        var options = new MonitorOptions { Window = WindowPolicy.Sliding(WindowPolicy.TumblingCount(50), 3) };
        using var monitor = WeatherDay.CreateMonitor(Profile, options);
        WeatherDay[] days = SeattleWeather.All.ToArray();
        long[] expectedRows = [50, 100, 150, 150, 150];
        int next = 0;
        foreach (long expected in expectedRows)
        {
            for (int i = 0; i < 50; i++)
            {
                monitor.Observe(days[next++]);
            }

            DriftReport? report = monitor.CheckDriftIfDue();
            Assert.NotNull(report);
            Assert.Equal(expected, report.Rows);
            // Every feature's view spans the same sub-windows as the row count.
            FeatureDriftResult tempMax = report.Features.Single(f => f.Feature == nameof(WeatherDay.TempMax));
            Assert.Equal(expected, tempMax.CurrentCount);
            FeatureDriftResult weather = report.Features.Single(f => f.Feature == nameof(WeatherDay.Weather));
            Assert.Equal(expected, weather.CurrentCount);
        }
    }

    [Fact]
    public void Observe_stays_allocation_free_with_a_sliding_window()
    {
        var options = new MonitorOptions { Window = WindowPolicy.Sliding(WindowPolicy.TumblingCount(100), 4) };
        using var monitor = WeatherDay.CreateMonitor(Profile, options);
        WeatherDay[] days = SeattleWeather.All.Take(300).ToArray();
        for (int round = 0; round < 6; round++)
        {
            foreach (var day in days)
            {
                monitor.Observe(day);
            }

            monitor.CheckDriftIfDue();
        }

        Assert.Equal(0, Allocations.LeastOf(() =>
        {
            foreach (var day in days)
            {
                monitor.Observe(day);
            }
        }));
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
