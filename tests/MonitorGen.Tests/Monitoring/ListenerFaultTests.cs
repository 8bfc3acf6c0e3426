using System;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MonitorGen.Tests.Records;

namespace MonitorGen.Tests.Monitoring;

/// <summary>
/// Nothing escapes <c>Observe</c>, whatever a metrics listener does, and a listener that throws part-way through a row
/// skips no feature of it: every report's per-feature counts equal its rows.
/// </summary>
public sealed class ListenerFaultTests
{
    // Level is outside its [Expect] range on every row, so each row reports a data-quality event before the other features.
    private static readonly ConsistencyProbe[] Rows = Enumerable.Range(0, 64)
        .Select(i => new ConsistencyProbe { Level = 50 + (i % 7), Load = i % 5, Weather = (WeatherKind)(i % 3), City = $"c{i % 4}", Score = i })
        .ToArray();

    private static readonly ReferenceProfile Profile = ConsistencyProbe.FitProfile(Rows);

    [Fact]
    public void A_throwing_meter_listener_never_reaches_the_caller()
    {
        using var listener = ThrowingListener();
        using var monitor = ConsistencyProbe.CreateMonitor(Profile);

        foreach (ConsistencyProbe row in Rows)
        {
            monitor.Observe(row);
        }

        monitor.Observe(Rows[0] with { Score = double.NaN, City = null });
        Assert.Equal(Rows.Length + 1, monitor.CheckDrift().Rows);
    }

    [Fact]
    public async Task With_a_throwing_listener_checks_racing_four_writers_report_per_feature_counts_equal_to_their_rows()
    {
        using var listener = ThrowingListener();
        using var monitor = ConsistencyProbe.CreateMonitor(Profile);
        const int Writers = 4;
        const int PerWriter = 20_000;
        using var done = new CountdownEvent(Writers);
        long rows = 0;
        int reports = 0;

        // The checker has a thread of its own, and each writer pauses halfway until two checks have run, so that the checks
        // race the writers whatever the thread pool does with five tasks on two cores.
        var checker = Task.Factory.StartNew(() =>
        {
            while (!done.IsSet)
            {
                rows += AssertConsistent(monitor.CheckDrift());
                Interlocked.Increment(ref reports);
            }
        }, TaskCreationOptions.LongRunning);
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() =>
        {
            for (int i = 0; i < PerWriter; i++)
            {
                if (i == PerWriter / 2)
                {
                    Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref reports) >= 2, TimeSpan.FromSeconds(30)), "no check ran while the rows were written");
                }

                monitor.Observe(Rows[(w + i) % Rows.Length]);
            }

            done.Signal();
        })).ToArray();
        await Task.WhenAll(writers);
        await checker;
        rows += AssertConsistent(monitor.CheckDrift());

        Assert.Equal(Writers * PerWriter, rows);
        Assert.True(reports > 1, "the checks did not race the writers");
    }

    private static long AssertConsistent(DriftReport report)
    {
        foreach (FeatureDriftResult feature in report.Features)
        {
            Assert.Equal(report.Rows, feature.CurrentCount);
        }

        return report.Rows;
    }

    private static MeterListener ThrowingListener()
    {
        var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "MonitorGen")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) => ThrowIfProbe(tags));
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) => ThrowIfProbe(tags));
        listener.Start();
        return listener;
    }

    private static void ThrowIfProbe(ReadOnlySpan<System.Collections.Generic.KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "model" && Equals(tag.Value, "consistency-probe"))
            {
                throw new InvalidOperationException("listener failure");
            }
        }
    }
}
