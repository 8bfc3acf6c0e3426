using System;
using System.Collections.Concurrent;
using System.Threading;
using MonitorGen.Labels;

using MonitorGen.Tests.Support;

namespace MonitorGen.Tests.Labels;

/// <summary>The bounded table of predictions waiting for their labels (issue 12's natural-label join, its storage).</summary>
public sealed class PendingPredictionTableTests
{
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(2);

    // Every field follows from the sequence number, so a torn read shows as a mismatch. A classifier's value is its code.
    private static PendingPrediction Made(long sequence) => new(sequence * 10, sequence / 2, (int)(sequence % 7), sequence % 7, sequence % 3 / 3f);

    private static PendingPrediction Regressed(long sequence) => new(sequence * 10, sequence / 2, 0, sequence * 1.5, float.NaN);

    [Fact]
    public void A_regressors_value_is_kept_whatever_its_labels()
    {
        var table = new PendingPredictionTable(slots: 1, capacityPerSlot: 8, Horizon, regression: true);
        PredictionId id = table.Add(0, Regressed(5));

        // A programmatic label of a regressor has no class code to keep, and must not overwrite the value's bits.
        Assert.Equal(LabelOutcome.Matched, table.TryTake(id, LabelSource.Programmatic, 60, out PendingPrediction taken, labelCode: 12345));
        Assert.Equal(Regressed(5), taken);
        Assert.Equal(LabelOutcome.Matched, table.TryTake(id, LabelSource.Natural, 60, out taken));
        Assert.Equal(Regressed(5), taken);
    }

    [Fact]
    public void A_label_takes_its_prediction_once()
    {
        var table = new PendingPredictionTable(slots: 2, capacityPerSlot: 8, Horizon);
        PredictionId first = table.Add(1, Made(0));
        PredictionId second = table.Add(1, Made(1));

        Assert.Equal(LabelOutcome.Matched, table.TryTake(second, LabelSource.Natural, 20, out PendingPrediction taken));
        Assert.Equal(Made(1), taken);
        Assert.Equal(LabelOutcome.Duplicate, table.TryTake(second, LabelSource.Natural, 20, out _));
        Assert.Equal(LabelOutcome.Matched, table.TryTake(first, LabelSource.Natural, 20, out taken));
        Assert.Equal(Made(0), taken);
    }

    [Fact]
    public void Each_source_labels_a_prediction_once_without_taking_it_from_the_others()
    {
        var table = new PendingPredictionTable(slots: 1, capacityPerSlot: 8, Horizon);
        PredictionId id = table.Add(0, Made(3));

        Assert.Equal(LabelOutcome.Matched, table.TryTake(id, LabelSource.Programmatic, 40, out PendingPrediction taken));
        Assert.Equal(Made(3), taken);
        // A weak label does not stand for the natural one: the prediction is still pending for it.
        Assert.Equal(1, table.Pending(40));
        Assert.Equal(LabelOutcome.Matched, table.TryTake(id, LabelSource.Natural, 40, out _));
        Assert.Equal(LabelOutcome.Matched, table.TryTake(id, LabelSource.Hand, 40, out _));
        Assert.Equal(LabelOutcome.Duplicate, table.TryTake(id, LabelSource.Programmatic, 40, out _));
        Assert.Equal(LabelOutcome.Duplicate, table.TryTake(id, LabelSource.Natural, 40, out _));
        Assert.Equal(0, table.Pending(40));
    }

    [Fact]
    public void Pushed_out_and_too_old_predictions_are_late_and_unknown_ids_unmatched()
    {
        var table = new PendingPredictionTable(slots: 1, capacityPerSlot: 4, Horizon);
        var ids = new PredictionId[6];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = table.Add(0, Made(i));
        }

        Assert.Equal(LabelOutcome.Late, table.TryTake(ids[0], LabelSource.Natural, 100, out _));
        Assert.Equal(LabelOutcome.Late, table.TryTake(ids[1], LabelSource.Natural, 100, out _));
        Assert.Equal(LabelOutcome.Matched, table.TryTake(ids[5], LabelSource.Natural, 100, out _));
        Assert.Equal(LabelOutcome.Late, table.TryTake(ids[4], LabelSource.Natural, 40 + Horizon.Ticks + 1, out _));
        Assert.Equal(LabelOutcome.Unmatched, table.TryTake(new PredictionId(0, 6), LabelSource.Natural, 100, out _));
        Assert.Equal(LabelOutcome.Unmatched, table.TryTake(new PredictionId(3, 0), LabelSource.Natural, 100, out _));
        Assert.Equal(LabelOutcome.Unmatched, table.TryTake(new PredictionId(0, -1), LabelSource.Natural, 100, out _));
        // Held and unlabelled: sequences 2 and 3 (made at 20 and 30); 4 was taken late, 5 matched.
        Assert.Equal(2, table.Pending(30));
        Assert.Equal(1, table.Pending(30 + Horizon.Ticks - 5));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcde")]
    [InlineData("0123456789abcdef0")]
    [InlineData("0123456789abcdeg")]
    [InlineData("-123456789abcdef")]
    public void Malformed_ids_do_not_parse(string? text) => Assert.False(PredictionId.TryParse(text, out _));

    [Fact]
    public void Ids_round_trip_through_their_text()
    {
        var id = new PredictionId(15, 123_456_789_012);
        Assert.Equal(16, id.ToString().Length);
        Assert.True(PredictionId.TryParse(id.ToString(), out PredictionId parsed));
        Assert.Equal(id, parsed);
        Assert.True(PredictionId.TryParse(id.ToString().ToUpperInvariant(), out parsed));
        Assert.Equal(id, parsed);
    }

    [Fact]
    public void Adding_allocates_nothing_and_an_entry_takes_its_stated_bytes()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var table = new PendingPredictionTable(slots: 4, capacityPerSlot: 16_384, Horizon);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.InRange(allocated, table.Capacity * PendingPredictionTable.BytesPerEntry, (table.Capacity * PendingPredictionTable.BytesPerEntry) + 4096);

        Assert.Equal(0, Allocations.LeastOf(() => AddMany(table, 100_000)));
    }

    private static void AddMany(PendingPredictionTable table, int count)
    {
        for (int i = 0; i < count; i++)
        {
            table.Add(i & 3, Made(i));
        }
    }

    /// <summary>
    /// A writer fills a small ring as fast as it can while four threads label recent and old ids: no prediction is
    /// matched twice, and every match carries exactly the fields written for its sequence (no torn read of an entry
    /// being overwritten). The ring is small so that overwrites race with labels all the time.
    /// </summary>
    [Fact]
    public void Racing_labels_never_match_twice_or_read_a_torn_entry()
    {
        var table = new PendingPredictionTable(slots: 1, capacityPerSlot: 64, TimeSpan.FromDays(365));
        var matched = new ConcurrentDictionary<long, byte>();
        long torn = 0, twice = 0, late = 0;
        int stop = 0;
        // Dedicated threads: on a loaded two-core host the thread pool may not start a writer task before the labellers end.
        var writer = new Thread(() =>
        {
            for (long s = 0; Volatile.Read(ref stop) == 0; s++)
            {
                table.Add(0, Made(s));
            }
        });
        writer.Start();
        SpinWait.SpinUntil(() => table.NextSequence(0) > 10_000);
        // Each labeller goes on until the writer has added 200,000 more and both outcomes have occurred often enough, so that
        // they overlap however the host schedules them; the deadline only bounds a host that never lets them race.
        long until = table.NextSequence(0) + 200_000;
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        bool Exercised() => matched.Count > 1000 && Interlocked.Read(ref late) > 1000;
        var labellers = new Thread[4];
        for (int t = 0; t < labellers.Length; t++)
        {
            int seed = t;
            labellers[t] = new Thread(() =>
            {
                var random = new Random(seed);
                for (int i = 0; (i < 400_000 || table.NextSequence(0) < until || !Exercised()) && deadline.Elapsed < TimeSpan.FromSeconds(30); i++)
                {
                    long next = table.NextSequence(0);
                    long sequence = Math.Max(0, next - 1 - random.Next(96));
                    LabelOutcome outcome = table.TryTake(new PredictionId(0, sequence), LabelSource.Natural, 0, out PendingPrediction taken);
                    if (outcome == LabelOutcome.Late)
                    {
                        Interlocked.Increment(ref late);
                    }

                    if (outcome == LabelOutcome.Matched)
                    {
                        if (taken != Made(sequence))
                        {
                            Interlocked.Increment(ref torn);
                        }

                        if (!matched.TryAdd(sequence, 0))
                        {
                            Interlocked.Increment(ref twice);
                        }
                    }
                }
            });
            labellers[t].Start();
        }

        foreach (Thread labeller in labellers)
        {
            labeller.Join();
        }

        Volatile.Write(ref stop, 1);
        writer.Join();

        Assert.Equal(0, Interlocked.Read(ref torn));
        Assert.Equal(0, Interlocked.Read(ref twice));
        Assert.True(matched.Count > 1000, $"only {matched.Count} matched: the race was not exercised");
        Assert.True(late > 1000, $"only {late} late: the race was not exercised");
    }
}
