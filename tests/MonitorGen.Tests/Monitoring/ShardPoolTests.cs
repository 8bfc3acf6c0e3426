using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MonitorGen.Monitoring;
using MonitorGen.Tests.Records;
using MonitorGen.Tests.Support;

namespace MonitorGen.Tests.Monitoring;

/// <summary>
/// The window shards are a fixed pool per monitor: memory and check time are bounded by the processor count whatever
/// the thread history, a row blocked in a listener cannot stall a check, and a check from inside a row is refused.
/// </summary>
[Collection(nameof(HeapMeasurementCollection))]
public sealed class ShardPoolTests
{
    private static readonly ReferenceProfile Profile = WeatherDay.FitProfile(SeattleWeather.Summer);
    private static readonly WeatherDay[] Days = SeattleWeather.All.ToArray();

    private static int PoolBound => (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(Environment.ProcessorCount, 2, 16));

    [Fact]
    public void Twelve_hundred_short_lived_threads_leave_memory_bounded_by_the_pool_and_lose_no_row()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);
        Warm(monitor);
        long before = Heap.Settled();

        const int Threads = 1_200;
        const int Rows = 3;
        for (int batch = 0; batch < Threads / 40; batch++)
        {
            var threads = Enumerable.Range(0, 40).Select(t => new Thread(() =>
            {
                for (int i = 0; i < Rows; i++)
                {
                    monitor.Observe(Days[(t + i) % Days.Length]);
                }
            })).ToArray();
            foreach (Thread thread in threads)
            {
                thread.Start();
            }

            foreach (Thread thread in threads)
            {
                thread.Join();
            }
        }

        long grown = Heap.Settled() - before;
        Assert.Equal(PoolBound, monitor.ShardSlots);
        // One thread's windows are about 135 KB here (four numerical features with a 2,048-value sample, twice); with
        // shards per thread, 1,200 threads held about 160 MB.
        Assert.True(grown < 8 * 1024 * 1024, $"the heap grew by {grown:N0} bytes over {Threads} threads");
        Assert.Equal(Threads * Rows + 10, monitor.CheckDrift().Rows);
    }

    [Fact]
    public void Monitors_created_and_disposed_on_pool_threads_are_collected()
    {
        var monitors = new List<WeakReference>();
        Parallel.For(0, 6, new ParallelOptions { MaxDegreeOfParallelism = 2 }, _ => monitors.Add(CreateUseAndDispose()));

        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.All(monitors, m => Assert.False(m.IsAlive));
    }

    [Fact]
    public async Task A_check_from_inside_a_row_on_the_same_thread_is_refused_not_deadlocked()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);
        Exception? refused = null;
        using var listener = ListenTo(monitor, "monitorgen.feature.missing", () =>
        {
            try
            {
                monitor.CheckDrift();
            }
            catch (InvalidOperationException error)
            {
                refused = error;
            }
        });

        var observing = Task.Run(() => monitor.Observe(Days[0] with { Wind = null }));

        await observing.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(refused);
        Assert.Contains("from inside Observe on the same thread", refused!.Message, StringComparison.Ordinal);
        Assert.Equal(1, monitor.CheckDrift().Rows);
    }

    [Fact]
    public async Task A_row_blocked_in_a_listener_delays_a_check_by_the_bounded_wait_and_its_rows_count_in_the_next_check()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile, new MonitorOptions { DrainTimeout = TimeSpan.FromMilliseconds(50) });
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        using var listener = ListenTo(monitor, "monitorgen.feature.missing", () =>
        {
            inside.Set();
            release.Wait(TimeSpan.FromSeconds(30));
        });
        long waits = 0;
        using var selfErrors = CountSelfErrors("drift_check_wait", () => Interlocked.Increment(ref waits));

        var blocked = Task.Run(() => monitor.Observe(Days[0] with { Wind = null }));
        Assert.True(inside.Wait(TimeSpan.FromSeconds(30)));
        var check = Task.Run(monitor.CheckDrift);

        DriftReport during = await check.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, during.Rows);
        Assert.True(Interlocked.Read(ref waits) >= 1);
        release.Set();
        await blocked.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, monitor.CheckDrift().Rows);
    }

    [Fact]
    public async Task Diagnostics_copies_of_the_open_window_race_writers_without_failing()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);
        var wind = (NumericFeatureState)monitor.Features.Single(f => f.Name == nameof(WeatherDay.Wind));
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 2).Select(t => Task.Run(() =>
        {
            int i = 0;
            while (!stop.IsCancellationRequested)
            {
                monitor.Observe(Days[(t * 13 + i++) % Days.Length]);
            }
        })).ToArray();

        long previous = 0;
        for (int i = 0; i < 2_000; i++)
        {
            var copy = wind.Current;
            Assert.Equal(copy.Bins.Total(), copy.Sample.Seen);
            Assert.True(copy.Sample.Seen >= previous);
            previous = copy.Sample.Seen;
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);
    }

    private static WeakReference CreateUseAndDispose()
    {
        var monitor = WeatherDay.CreateMonitor(Profile);
        foreach (WeatherDay day in Days.Take(50))
        {
            monitor.Observe(day);
        }

        monitor.CheckDrift();
        monitor.Dispose();
        return new WeakReference(monitor);
    }

    private static void Warm(WeatherDayMonitor monitor)
    {
        // Observe from a few threads first, so that the measurement sees only what further threads add.
        Parallel.For(0, 10, new ParallelOptions { MaxDegreeOfParallelism = PoolBound }, i => monitor.Observe(Days[i]));
    }

    // A listener on one data-quality counter that runs the action inside the row, for this monitor only.
    private static MeterListener ListenTo(WeatherDayMonitor monitor, string instrumentName, Action inRow)
    {
        var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "MonitorGen" && instrument.Name == instrumentName)
            {
                l.EnableMeasurementEvents(instrument, monitor);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, state) =>
        {
            if (ReferenceEquals(state, monitor) && Thread.CurrentThread.IsThreadPoolThread)
            {
                inRow();
            }
        });
        listener.Start();
        return listener;
    }

    private static MeterListener CountSelfErrors(string source, Action counted)
    {
        var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "MonitorGen" && instrument.Name == "monitorgen.self.errors")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "source" && Equals(tag.Value, source))
                {
                    counted();
                }
            }
        });
        listener.Start();
        return listener;
    }
}
