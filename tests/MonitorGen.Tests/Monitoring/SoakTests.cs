using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MonitorGen.Tests.Records;
using MonitorGen.Tests.Support;

namespace MonitorGen.Tests.Monitoring;

/// <summary>
/// A short soak (20 s by default, <c>MONITORGEN_SOAK_SECONDS</c> to change it): thread churn, monitor churn and checks
/// racing long-lived writers on one monitor. The heap after a full collection stays bounded, the shard pool stays within
/// its slots, and every observed row is in exactly one report. The 30-minute run is in docs/benchmarks/soak.md.
/// </summary>
[Collection(nameof(HeapMeasurementCollection))]
public sealed class SoakTests
{
    private static readonly ReferenceProfile Profile = WeatherDay.FitProfile(SeattleWeather.Summer);
    private static readonly WeatherDay[] Days = SeattleWeather.All.ToArray();

    [Fact]
    public async Task Thread_and_monitor_churn_with_racing_checks_keep_memory_bounded_and_lose_no_row()
    {
        TimeSpan duration = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("MONITORGEN_SOAK_SECONDS"), out int s) ? s : 20);
        using var monitor = WeatherDay.CreateMonitor(Profile);
        long observed = 0, reported = 0, churnedThreads = 0, churnedMonitors = 0;
        var failures = new ConcurrentQueue<Exception>();
        long baseline = Heap.Settled();
        // Dedicated threads and a clock, not pool tasks and a timer: spinning loops on a 2-core pool would starve the
        // pool, and with it the timer that should stop them.
        var clock = Stopwatch.StartNew();
        bool Running() => clock.Elapsed < duration;

        Task writers = Task.WhenAll(Enumerable.Range(0, 2).Select(w => Dedicated(() =>
        {
            for (int i = 0; Running(); i++)
            {
                monitor.Observe(Days[(w * 97 + i) % Days.Length]);
                Interlocked.Increment(ref observed);
            }
        })));
        Task threadChurn = Dedicated(() =>
        {
            while (Running())
            {
                var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
                {
                    for (int i = 0; i < 5; i++)
                    {
                        monitor.Observe(Days[(t + i) % Days.Length]);
                        Interlocked.Increment(ref observed);
                    }
                })).ToArray();
                Array.ForEach(threads, t => t.Start());
                Array.ForEach(threads, t => t.Join());
                Interlocked.Add(ref churnedThreads, threads.Length);
            }
        });
        Task monitorChurn = Dedicated(() =>
        {
            while (Running())
            {
                using var shortLived = WeatherDay.CreateMonitor(Profile);
                foreach (WeatherDay day in Days.Take(40))
                {
                    shortLived.Observe(day);
                }

                if (shortLived.CheckDrift().Rows != 40)
                {
                    failures.Enqueue(new InvalidOperationException("a short-lived monitor lost rows"));
                }

                Interlocked.Increment(ref churnedMonitors);
            }
        });
        Task checks = Dedicated(() =>
        {
            while (Running())
            {
                DriftReport report = monitor.CheckDrift();
                reported += report.Rows;
                foreach (FeatureDriftResult feature in report.Features.Where(f => f.Feature != nameof(WeatherDay.Wind)))
                {
                    if (feature.CurrentCount != report.Rows)
                    {
                        failures.Enqueue(new InvalidOperationException($"{feature.Feature}: {feature.CurrentCount} values in a report of {report.Rows} rows"));
                    }
                }

                Thread.Sleep(5);
            }
        });

        await Task.WhenAll(writers, threadChurn, monitorChurn, checks);
        reported += monitor.CheckDrift().Rows;
        long grown = Heap.Settled() - baseline;

        Assert.Empty(failures);
        Assert.Equal(observed, reported);
        Assert.True(churnedThreads > 100 && churnedMonitors > 20, $"{churnedThreads} threads, {churnedMonitors} monitors: too little churn to tell");
        Assert.InRange(monitor.ShardSlots, 2, 16);
        Assert.True(grown < 16 * 1024 * 1024, $"the heap grew by {grown:N0} bytes over {churnedThreads} threads and {churnedMonitors} monitors");
    }

    private static Task Dedicated(Action loop) => Task.Factory.StartNew(loop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
