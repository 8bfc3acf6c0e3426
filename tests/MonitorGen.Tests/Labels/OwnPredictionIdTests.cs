using System;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Time.Testing;
using MonitorGen.Labels;
using MonitorGen.Performance;
using MonitorGen.Tests.Records;

using MonitorGen.Tests.Support;

namespace MonitorGen.Tests.Labels;

/// <summary>
/// A prediction id taken from a member of the record (issue 12, §1: <c>[Prediction(Id = nameof(OrderId))]</c>): labels
/// name the order, the id costs nothing to return, a reused id labels its predictions newest first, a row without an id
/// cannot be labelled, and the ids find their predictions across a restart through the SQLite store.
/// </summary>
public sealed class OwnPredictionIdTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static ReferenceProfile Profile { get; } = Ordered.FitProfile(
        Enumerable.Range(0, 300).Select(i => new Ordered { Fraud = i % 5 == 0, Probability = 0.5 + (i % 50 / 100.0), OrderId = $"o-{i}" }));

    private static OrderedMonitor Monitor(int capacity = 1024, LabelStore? store = null) =>
        new(Profile, new MonitorOptions { TimeProvider = new FakeTimeProvider(Start), LabelCapacity = capacity, LabelStore = store });

    [Fact]
    public void A_label_names_the_prediction_by_the_records_own_id()
    {
        using OrderedMonitor monitor = Monitor();
        var order = new Ordered { Fraud = true, Probability = 0.9, OrderId = "order-2026-0001" };
        string? id = monitor.ObservePrediction(order);
        Assert.Same(order.OrderId, id);
        monitor.Observe(new Ordered { Fraud = false, Probability = 0.8, OrderId = "order-2026-0002" });

        Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel("order-2026-0002", true));
        Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel("order-2026-0001", true));
        Assert.Equal(LabelOutcome.Duplicate, monitor.RecordLabel("order-2026-0001", false));
        Assert.Equal(LabelOutcome.Unmatched, monitor.RecordLabel("order-2026-9999", true));
        Assert.Equal(LabelOutcome.Unmatched, monitor.RecordLabel("", true));
        // A generated id's form means nothing here.
        Assert.Equal(LabelOutcome.Unmatched, monitor.RecordLabel("0000000000000000", true));

        PerformanceReport report = monitor.Performance()!;
        Assert.Equal(2, report.Cumulative.Labels);
        Assert.Equal(0.5, report.Cumulative.Classification!.Accuracy, 12);
    }

    [Fact]
    public void A_row_without_an_id_is_observed_but_cannot_be_labelled()
    {
        using OrderedMonitor monitor = Monitor();
        Assert.Null(monitor.ObservePrediction(new Ordered { Fraud = true, Probability = 0.9, OrderId = null }));
        Assert.Null(monitor.ObservePrediction(new Ordered { Fraud = true, Probability = 0.9, OrderId = "" }));
        Assert.Equal(2, monitor.ObservedRows);
        Assert.Equal(0, monitor.Labels!.Table.Pending(long.MaxValue / 2));
    }

    [Fact]
    public void A_reused_id_labels_its_predictions_newest_first_once_each()
    {
        using OrderedMonitor monitor = Monitor();
        monitor.Observe(new Ordered { Fraud = false, Probability = 0.6, OrderId = "retried" });
        monitor.Observe(new Ordered { Fraud = true, Probability = 0.7, OrderId = "retried" });

        Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel("retried", true));
        Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel("retried", true));
        Assert.Equal(LabelOutcome.Duplicate, monitor.RecordLabel("retried", true));
        // The newer (Fraud = true) took the first label, so both labels are right for one and wrong for the other.
        Assert.Equal(0.5, monitor.Performance()!.Cumulative.Classification!.Accuracy, 12);
    }

    [Fact]
    public void A_full_table_of_distinct_ids_loses_almost_none_to_the_index()
    {
        using OrderedMonitor monitor = Monitor(65_536);
        // One thread writes one slot, whose ring holds its share of the capacity: fill exactly that.
        int capacity = monitor.Labels!.Table.CapacityPerSlot;
        string[] ids = [.. Enumerable.Range(0, capacity).Select(i => $"txn-{i:D8}")];
        foreach (string id in ids)
        {
            monitor.Observe(new Ordered { Fraud = false, Probability = 0.7, OrderId = id });
        }

        int matched = ids.Count(id => monitor.RecordLabel(id, false) == LabelOutcome.Matched);
        // A bucket holds eight; a full ring averages two per bucket. Poisson(2) beyond 8 loses about 1 in 10,000: at
        // most 0.1 % here, with room for the hash's luck.
        Assert.True(capacity >= 4096 && matched >= capacity - (capacity / 1000), $"{capacity - matched} of {capacity} labels lost their prediction to the index");
    }

    [Fact]
    public void Observing_with_an_own_id_allocates_nothing()
    {
        using OrderedMonitor monitor = Monitor();
        Ordered[] rows = [.. Enumerable.Range(0, 64).Select(i => new Ordered { Fraud = i % 2 == 0, Probability = 0.7, OrderId = $"k{i}" })];
        Assert.Equal(0, Allocations.LeastOf(() =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                monitor.ObservePrediction(rows[i & 63]);
            }
        }));
    }

    [Fact]
    public void Own_ids_find_their_predictions_after_a_restart_through_the_sqlite_store()
    {
        string path = Path.Combine(Path.GetTempPath(), $"monitorgen-keyed-{Guid.NewGuid():N}.db");
        try
        {
            using (var store = LabelStore.Sqlite(path))
            using (OrderedMonitor first = Monitor(store: store))
            {
                first.Observe(new Ordered { Fraud = true, Probability = 0.9, OrderId = "A-1" });
                first.Observe(new Ordered { Fraud = false, Probability = 0.9, OrderId = "A-2" });
            }

            using (var store = LabelStore.Sqlite(path))
            using (OrderedMonitor second = Monitor(store: store))
            {
                Assert.Equal(LabelOutcome.Matched, second.RecordLabel("A-2", false));
                Assert.Equal(LabelOutcome.Duplicate, second.RecordLabel("A-2", false));
                Assert.Equal(LabelOutcome.Unmatched, second.RecordLabel("A-3", false));
                second.Observe(new Ordered { Fraud = false, Probability = 0.9, OrderId = "A-1" });
                // The newest "A-1" is this process's; the first process's follows.
                Assert.Equal(LabelOutcome.Matched, second.RecordLabel("A-1", false));
                Assert.Equal(LabelOutcome.Matched, second.RecordLabel("A-1", false));
                Assert.Equal(2.0 / 3, second.Performance()!.Cumulative.Classification!.Accuracy, 12);
            }
        }
        finally
        {
            foreach (string file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
