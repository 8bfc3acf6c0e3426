using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using MonitorGen.Labels;
using MonitorGen.Performance;
using MonitorGen.Tests.Records;

using MonitorGen.Tests.Support;

namespace MonitorGen.Tests.Labels;

/// <summary>
/// The SQLite label store (issue 12, §3): pending predictions and labelled windows survive a restart of the process, and
/// a file that is not a MonitorGen store, or holds another declaration of the prediction, is refused at start-up with a
/// clear error.
/// </summary>
public sealed class SqliteLabelStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = ForecastedProfile.Start;

    private static ReferenceProfile ForecastProfile => ForecastedProfile.Reference;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"monitorgen-labels-{Guid.NewGuid():N}.db");

    private ForecastedMonitor Monitor(FakeTimeProvider clock, LabelStore store) =>
        new(ForecastProfile, new MonitorOptions { TimeProvider = clock, LabelCapacity = 1024, LabelHorizon = TimeSpan.FromDays(2), LabelStore = store });

    [Fact]
    public void Pending_predictions_and_labelled_windows_survive_a_restart()
    {
        var clock = new FakeTimeProvider(Start);
        string[] before;
        string[] open;
        using (var store = LabelStore.Sqlite(_path, "replica-0"))
        using (ForecastedMonitor first = Monitor(clock, store))
        {
            before = [.. new[] { Sky.Sun, Sky.Rain, Sky.Snow }.Select(sky => first.ObservePrediction(new Forecasted { Sky = sky, Confidence = 0.9 })!)];
            Assert.Equal(LabelOutcome.Matched, first.RecordLabel(before[0], Sky.Sun));
            clock.Advance(TimeSpan.FromHours(1));
            first.CheckDrift();
            open = [first.ObservePrediction(new Forecasted { Sky = Sky.Rain, Confidence = 0.7 })!];
        }

        clock.Advance(TimeSpan.FromHours(1));
        using (var store = LabelStore.Sqlite(_path, "replica-0"))
        using (ForecastedMonitor second = Monitor(clock, store))
        {
            PerformanceReport restored = second.Performance()!;
            // Window 0 closed before the restart, with its one label; the restarted process opens window 1.
            Assert.Equal([0L, 1], restored.Windows.Select(w => w.Window));
            Assert.Equal((3L, 1L, 1.0), (restored.Windows[0].Predictions!.Value, restored.Windows[0].Labels, restored.Windows[0].Classification!.Accuracy));
            Assert.Equal(Start.AddHours(1), restored.Windows[0].ClosedAt);
            Assert.Equal(1, restored.Cumulative.Labels);

            // The predictions made before the restart take their labels now, in their own windows; the labelled one is a duplicate.
            Assert.Equal(LabelOutcome.Duplicate, second.RecordLabel(before[0], Sky.Sun));
            Assert.Equal(LabelOutcome.Matched, second.RecordLabel(before[1], Sky.Sun));
            Assert.Equal(LabelOutcome.Matched, second.RecordLabel(before[2], Sky.Snow));
            Assert.Equal(LabelOutcome.Matched, second.RecordLabel(open[0], Sky.Rain));
            string after = second.ObservePrediction(new Forecasted { Sky = Sky.Sun, Confidence = 0.6 })!;
            Assert.DoesNotContain(after, before.Concat(open));
            Assert.Equal(LabelOutcome.Matched, second.RecordLabel(after, Sky.Rain));

            PerformanceReport report = second.Performance()!;
            Assert.Equal((3L, 2.0 / 3), (report.Windows[0].Labels, report.Windows[0].Classification!.Accuracy));
            // The open window holds the prediction left open by the first process and the second's own.
            Assert.Equal((2L, 0.5), (report.Windows[1].Labels, report.Windows[1].Classification!.Accuracy));
            Assert.Equal(5, report.Cumulative.Labels);
            Assert.Equal(0.6, report.Cumulative.Classification!.Accuracy, 12);
            clock.Advance(TimeSpan.FromHours(1));
            second.CheckDrift();
        }

        // A third process sees both windows, and the cumulative figures of all five labels.
        using (var store = LabelStore.Sqlite(_path, "replica-0"))
        using (ForecastedMonitor third = Monitor(clock, store))
        {
            PerformanceReport report = third.Performance()!;
            Assert.Equal([0L, 1, 2], report.Windows.Select(w => w.Window));
            Assert.Equal([3L, 2, 0], report.Windows.Select(w => w.Labels));
            Assert.Equal(5, report.Cumulative.Labels);
        }
    }

    [Fact]
    public void Another_instance_in_the_same_file_keeps_its_own_windows_but_joins_any_prediction()
    {
        var clock = new FakeTimeProvider(Start);
        using var store = LabelStore.Sqlite(_path, "replica-a");
        using ForecastedMonitor a = Monitor(clock, store);
        string id = a.ObservePrediction(new Forecasted { Sky = Sky.Snow, Confidence = 0.9 })!;
        a.Labels!.Flush();

        using var other = LabelStore.Sqlite(_path, "replica-b");
        using ForecastedMonitor b = Monitor(clock, other);
        Assert.Equal(LabelOutcome.Matched, b.RecordLabel(id, Sky.Snow));
        Assert.Equal(LabelOutcome.Duplicate, a.RecordLabel(id, Sky.Snow));
        Assert.Equal(0, b.Performance()!.Cumulative.Labels);
        // The label joined by b lands in a's ledger, where its prediction was made.
        Assert.Equal(1, a.Performance()!.Cumulative.Labels);
    }

    /// <summary>The hot path does not touch the store: the predictions reach it from the timer's thread, or the label's.</summary>
    [Fact]
    public void Observing_with_a_store_allocates_nothing_on_the_calling_thread()
    {
        using var store = LabelStore.Sqlite(_path);
        using ForecastedMonitor monitor = Monitor(new FakeTimeProvider(Start), store);
        var row = new Forecasted { Sky = Sky.Rain, Confidence = 0.8 };
        Assert.Equal(0, Allocations.LeastOf(() =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                monitor.Observe(row);
            }
        }));
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_at_start_up()
    {
        File.WriteAllText(_path, "this is not a SQLite database, but it is long enough to have a header of sorts.\n" + new string('x', 200));
        using var store = LabelStore.Sqlite(_path);
        var clock = new FakeTimeProvider(Start);
        MonitorStateException refused = Assert.Throws<MonitorStateException>(() => Monitor(clock, store));
        Assert.Contains("not a SQLite database", refused.Message, StringComparison.Ordinal);
        Assert.Contains(_path, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_foreign_table_of_the_same_name_is_refused_at_start_up()
    {
        Execute("CREATE TABLE monitorgen_predictions (order_id INTEGER PRIMARY KEY, total REAL)");

        using var store = LabelStore.Sqlite(_path);
        MonitorStateException refused = Assert.Throws<MonitorStateException>(() => Monitor(new FakeTimeProvider(Start), store));
        Assert.Contains("not a MonitorGen label store", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE monitorgen_store SET format = 99", "format 99")]
    [InlineData("UPDATE monitorgen_models SET prediction = 'regression'", "declared as regression")]
    public void A_store_of_another_format_or_declaration_is_refused_at_start_up(string change, string expected)
    {
        var clock = new FakeTimeProvider(Start);
        using (var store = LabelStore.Sqlite(_path))
        using (ForecastedMonitor monitor = Monitor(clock, store))
        {
            monitor.ObservePrediction(new Forecasted { Sky = Sky.Sun, Confidence = 0.5 });
        }

        Assert.Equal(1, Execute(change));

        using var reopened = LabelStore.Sqlite(_path);
        MonitorStateException refused = Assert.Throws<MonitorStateException>(() => Monitor(clock, reopened));
        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Rows that no MonitorGen wrote (edited by hand, or by someone hostile) are named at start-up, not trusted.</summary>
    [Theory]
    [InlineData("UPDATE monitorgen_labels SET source = 99", "a label of source 99")]
    [InlineData("UPDATE monitorgen_labels SET weight = -1", "a label weight of -1")]
    [InlineData("UPDATE monitorgen_labels SET delay = -3", "a label delay of -3 s")]
    [InlineData("UPDATE monitorgen_labels SET ticks = -7", "a prediction time of -7 ticks")]
    [InlineData("UPDATE monitorgen_windows SET closed_ticks = 1", "window 0 opens at")]
    public void A_row_that_monitorgen_did_not_write_is_refused_at_start_up(string change, string expected)
    {
        var clock = new FakeTimeProvider(Start);
        using (var store = LabelStore.Sqlite(_path))
        using (ForecastedMonitor monitor = Monitor(clock, store))
        {
            string id = monitor.ObservePrediction(new Forecasted { Sky = Sky.Sun, Confidence = 0.5 })!;
            Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel(id, Sky.Sun));
            clock.Advance(TimeSpan.FromHours(1));
            monitor.CheckDrift();
        }

        Assert.Equal(1, Execute(change));

        using var reopened = LabelStore.Sqlite(_path);
        MonitorStateException refused = Assert.Throws<MonitorStateException>(() => Monitor(clock, reopened));
        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prediction_row_that_monitorgen_did_not_write_joins_no_label()
    {
        var clock = new FakeTimeProvider(Start);
        string id;
        using (var store = LabelStore.Sqlite(_path))
        using (ForecastedMonitor monitor = Monitor(clock, store))
        {
            id = monitor.ObservePrediction(new Forecasted { Sky = Sky.Sun, Confidence = 0.5 })!;
        }

        Assert.Equal(1, Execute("UPDATE monitorgen_predictions SET ticks = -1"));

        using var reopened = LabelStore.Sqlite(_path);
        using ForecastedMonitor restarted = Monitor(clock, reopened);
        Assert.Equal(LabelOutcome.Unmatched, restarted.RecordLabel(id, Sky.Sun));
        Assert.Equal(0, restarted.Performance()!.Cumulative.Labels);
    }

    [Fact]
    public void A_regressors_predictions_and_labels_survive_a_restart()
    {
        var clock = new FakeTimeProvider(Start);
        ReferenceProfile profile = Priced.FitProfile(Enumerable.Range(0, 200).Select(i => new Priced { Price = 10 + (i % 20) }));
        var options = (LabelStore store) => new MonitorOptions { TimeProvider = clock, LabelCapacity = 64, LabelStore = store };
        string id;
        using (var store = LabelStore.Sqlite(_path))
        using (var monitor = new PricedMonitor(profile, options(store)))
        {
            id = monitor.ObservePrediction(new Priced { Price = 12.5 })!;
        }

        using (var store = LabelStore.Sqlite(_path))
        using (var monitor = new PricedMonitor(profile, options(store)))
        {
            Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel(id, 10.0));
            Assert.Equal(2.5, monitor.Performance()!.Cumulative.Regression!.MeanAbsoluteError, 12);
        }

        using (var store = LabelStore.Sqlite(_path))
        using (var monitor = new PricedMonitor(profile, options(store)))
        {
            Assert.Equal(2.5, monitor.Performance()!.Cumulative.Regression!.MeanAbsoluteError, 12);
        }
    }

    [Fact]
    public void A_monitor_dropped_without_dispose_is_collected_with_its_table_and_its_timers()
    {
        using var store = LabelStore.Sqlite(_path);
        (WeakReference monitor, WeakReference labels) = DroppedMonitor(store);

        // The store's and the labeling functions' timers tick every second: a timer that held its join would keep it.
        for (int attempt = 0; attempt < 20 && (monitor.IsAlive || labels.IsAlive); attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Thread.Sleep(50);
        }

        Assert.False(monitor.IsAlive, "the monitor was kept alive");
        Assert.False(labels.IsAlive, "the monitor's label join (its table, store and timers) was kept alive");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference Monitor, WeakReference Labels) DroppedMonitor(LabelStore store)
    {
        var monitor = new ForecastedMonitor(ForecastProfile, new MonitorOptions { LabelCapacity = 1024, LabelStore = store });
        monitor.AddLabelingFunction("sunny", row => row.Confidence > 0.5 ? Sky.Sun : null);
        Assert.NotNull(monitor.ObservePrediction(new Forecasted { Sky = Sky.Sun, Confidence = 0.9 }));
        return (new WeakReference(monitor), new WeakReference(monitor.Labels));
    }

    // Changes the file behind the store's back, as a hand or a hostile process would; returns the rows changed.
    private int Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (string file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
