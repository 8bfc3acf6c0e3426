using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace MonitorGen.Benchmarks;

/// <summary>
/// The long soak of docs/benchmarks/soak.md: for the given minutes, two long-lived writers, a stream of short-lived
/// threads and a stream of short-lived monitors run against one monitor while a check runs every 100 ms. Every 30 s it
/// prints the heap after a full collection and the check times of the last 30 s; at the end, the row totals.
/// </summary>
internal static class Soak
{
    public static void Run(double minutes)
    {
        ReferenceProfile profile = ScoringRequest.FitProfile(ObserveBenchmarks.Synthesize(new Random(1), 20_000));
        ScoringRequest[] rows = ObserveBenchmarks.Synthesize(new Random(2), 1024);
        using var monitor = new ScoringRequestMonitor(profile);
        // Dedicated threads and a clock, not pool tasks and a timer: the spinning loops would starve the pool's timer.
        var clock = Stopwatch.StartNew();
        TimeSpan duration = TimeSpan.FromMinutes(minutes);
        bool Running() => clock.Elapsed < duration;
        long observed = 0, reported = 0, threadsStarted = 0, monitorsCreated = 0;
        var checkTimes = new System.Collections.Concurrent.ConcurrentQueue<double>();

        Task[] load =
        [
            .. Enumerable.Range(0, 2).Select(w => Dedicated(() =>
            {
                for (int i = 0; Running(); i++)
                {
                    monitor.Observe(rows[(w * 31 + i) & 1023]);
                    Interlocked.Increment(ref observed);
                    if ((i & 1023) == 0)
                    {
                        Thread.Yield();
                    }
                }
            })),
            Dedicated(() =>
            {
                while (Running())
                {
                    var thread = new Thread(() =>
                    {
                        for (int i = 0; i < 10; i++)
                        {
                            monitor.Observe(rows[i]);
                            Interlocked.Increment(ref observed);
                        }
                    });
                    thread.Start();
                    thread.Join();
                    Interlocked.Increment(ref threadsStarted);
                }
            }),
            Dedicated(() =>
            {
                while (Running())
                {
                    using var shortLived = new ScoringRequestMonitor(profile);
                    for (int i = 0; i < 100; i++)
                    {
                        shortLived.Observe(rows[i]);
                    }

                    shortLived.CheckDrift();
                    Interlocked.Increment(ref monitorsCreated);
                }
            }),
            Dedicated(() =>
            {
                while (Running())
                {
                    var check = Stopwatch.StartNew();
                    reported += monitor.CheckDrift().Rows;
                    checkTimes.Enqueue(check.Elapsed.TotalMilliseconds);
                    Thread.Sleep(100);
                }
            }),
        ];

        Console.WriteLine("| minute | heap after full GC (MB) | threads started | monitors created | checks | check median (ms) | check max (ms) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        var elapsed = Stopwatch.StartNew();
        while (!Task.WaitAll(load, TimeSpan.FromSeconds(30)))
        {
            Sample(elapsed, checkTimes, Interlocked.Read(ref threadsStarted), Interlocked.Read(ref monitorsCreated));
        }

        Sample(elapsed, checkTimes, threadsStarted, monitorsCreated);
        reported += monitor.CheckDrift().Rows;
        Console.WriteLine();
        Console.WriteLine($"rows observed {observed:N0}, rows in reports {reported:N0}: {(observed == reported ? "equal" : "LOST ROWS")}");
    }

    private static Task Dedicated(Action loop) => Task.Factory.StartNew(loop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static void Sample(Stopwatch elapsed, System.Collections.Concurrent.ConcurrentQueue<double> checkTimes, long threads, long monitors)
    {
        var times = new System.Collections.Generic.List<double>();
        while (checkTimes.TryDequeue(out double t))
        {
            times.Add(t);
        }

        times.Sort();
        long heap = GC.GetTotalMemory(forceFullCollection: true);
        string median = times.Count == 0 ? "-" : times[times.Count / 2].ToString("F2", CultureInfo.InvariantCulture);
        string max = times.Count == 0 ? "-" : times[^1].ToString("F2", CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {elapsed.Elapsed.TotalMinutes:F1} | {heap / 1048576.0:F1} | {threads:N0} | {monitors:N0} | {times.Count} | {median} | {max} |"));
    }
}
