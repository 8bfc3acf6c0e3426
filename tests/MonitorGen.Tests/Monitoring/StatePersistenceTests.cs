using System;
using System.IO;
using System.Linq;
using MonitorGen.State;
using MonitorGen.Tests.Records;
using MonitorGen.Tests.Support;
using MonitorGen.Windows;

namespace MonitorGen.Tests.Monitoring;

/// <summary>
/// A deploy loses no open window: with <see cref="MonitorOptions.StatePath"/>, the monitor of the next start goes on
/// from the saved window and sliding ring, and a state that belongs to another schema or profile, or is corrupt, is
/// refused with a message naming the problem.
/// </summary>
public sealed class StatePersistenceTests : IDisposable
{
    private static readonly ReferenceProfile Profile = WeatherDay.FitProfile(SeattleWeather.Summer);
    private static readonly WeatherDay[] Days = SeattleWeather.All.ToArray();
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"monitorgen-state-{Guid.NewGuid():N}.monitorstate.json");

    [Fact]
    public void The_next_check_after_a_restart_covers_the_rows_of_both_runs()
    {
        var options = new MonitorOptions { StatePath = _path };
        using (var before = WeatherDay.CreateMonitor(Profile, options))
        {
            foreach (WeatherDay day in Days.Take(40))
            {
                before.Observe(day);
            }

            before.SaveState();
        }

        using var after = WeatherDay.CreateMonitor(Profile, options);
        Assert.Equal(40, after.WindowRows);
        foreach (WeatherDay day in Days.Skip(40).Take(25))
        {
            after.Observe(day);
        }

        DriftReport resumed = after.CheckDrift();
        // monitorgen.predictions counts what this process observed; the 40 restored rows were counted by the first.
        Assert.Equal(25, after.PredictionsObserved);
        using var direct = WeatherDay.CreateMonitor(Profile);
        foreach (WeatherDay day in Days.Take(65))
        {
            direct.Observe(day);
        }

        DriftReport whole = direct.CheckDrift();
        Assert.Equal(65, resumed.Rows);
        foreach (FeatureDriftResult feature in whole.Features)
        {
            FeatureDriftResult restored = resumed.Features.Single(f => f.Feature == feature.Feature);
            Assert.Equal(feature.CurrentCount, restored.CurrentCount);
            Assert.Equal(feature.Missing, restored.Missing);
            Assert.Equal(feature.CurrentMean ?? double.NaN, restored.CurrentMean ?? double.NaN, 9);
        }
    }

    [Fact]
    public void A_sliding_ring_survives_the_restart()
    {
        var options = new MonitorOptions { StatePath = _path, Window = WindowPolicy.Sliding(WindowPolicy.TumblingCount(30), 3) };
        using (var before = WeatherDay.CreateMonitor(Profile, options))
        {
            foreach (WeatherDay day in Days.Take(30))
            {
                before.Observe(day);
            }

            Assert.Equal(30, before.CheckDriftIfDue()?.Rows);
            foreach (WeatherDay day in Days.Skip(30).Take(10))
            {
                before.Observe(day);
            }

            before.SaveState();
        }

        using var after = WeatherDay.CreateMonitor(Profile, options);
        Assert.Null(after.CheckDriftIfDue());
        foreach (WeatherDay day in Days.Skip(40).Take(20))
        {
            after.Observe(day);
        }

        DriftReport? report = after.CheckDriftIfDue();

        // Two sub-windows: the one closed before the restart, and the one spanning it.
        Assert.Equal(60, report?.Rows);
        Assert.Equal(60, report!.Features.Single(f => f.Feature == nameof(WeatherDay.TempMax)).CurrentCount);
    }

    [Fact]
    public void A_state_saved_against_another_profile_is_refused_set_aside_and_the_monitor_starts_empty()
    {
        using (var before = WeatherDay.CreateMonitor(Profile, new MonitorOptions { StatePath = _path }))
        {
            before.Observe(Days[0]);
            before.SaveState();
        }

        ReferenceProfile refitted = WeatherDay.FitProfile(SeattleWeather.Summer);
        refitted.CreatedUtc = Profile.CreatedUtc.AddDays(1);

        var error = Assert.Throws<MonitorStateException>(() => MonitorStateStore.Load(_path, WeatherDayMonitor.DeclaredSchema, refitted, new MonitorOptions()));
        Assert.Contains("observed against a profile fitted at", error.Problem, StringComparison.Ordinal);

        using var after = WeatherDay.CreateMonitor(refitted, new MonitorOptions { StatePath = _path });
        Assert.Equal(0, after.WindowRows);
        Assert.False(File.Exists(_path));
        Assert.True(File.Exists(_path + ".rejected"));
    }

    [Theory]
    [InlineData("{ not json", "not valid monitor state JSON")]
    [InlineData("{\"formatVersion\": 9}", "format version 9 is not supported")]
    [InlineData("{\"formatVersion\": 1, \"typeName\": \"Other\", \"schemaHash\": \"0\"}", "it was saved by 'Other'")]
    public void A_corrupt_or_foreign_state_is_refused_with_its_problem(string json, string problem)
    {
        File.WriteAllText(_path, json);

        var error = Assert.Throws<MonitorStateException>(() => MonitorStateStore.Load(_path, WeatherDayMonitor.DeclaredSchema, Profile, new MonitorOptions()));

        Assert.Equal(_path, error.StatePath);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tampered_count_is_refused()
    {
        using (var before = WeatherDay.CreateMonitor(Profile, new MonitorOptions { StatePath = _path }))
        {
            foreach (WeatherDay day in Days.Take(10))
            {
                before.Observe(day);
            }

            before.SaveState();
        }

        string json = File.ReadAllText(_path);
        File.WriteAllText(_path, json.Replace("\"sampleSeen\":10", "\"sampleSeen\":11", StringComparison.Ordinal));

        var error = Assert.Throws<MonitorStateException>(() => MonitorStateStore.Load(_path, WeatherDayMonitor.DeclaredSchema, Profile, new MonitorOptions()));
        Assert.Contains("binned values but a sample of 11", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Saving_without_a_state_path_is_a_clear_error()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);
        var error = Assert.Throws<InvalidOperationException>(monitor.SaveState);
        Assert.Contains("StatePath", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        File.Delete(_path);
        File.Delete(_path + ".rejected");
    }
}
