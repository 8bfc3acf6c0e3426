using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace MonitorGen.Benchmarks;

/// <summary>
/// Throughput of one generated monitor observed by 1 and by 2 threads at once: the case that per-thread window shards
/// exist for. Shared windows with interlocked counters make the threads fight over the same cache lines.
/// </summary>
internal static class ParallelCallers
{
    private const int RowsPerThread = 4_000_000;

    public static void Run()
    {
        ReferenceProfile profile = ScoringRequest.FitProfile(ObserveBenchmarks.Synthesize(new Random(1), 20_000));
        ScoringRequest[] rows = ObserveBenchmarks.Synthesize(new Random(2), 1024);
        using var monitor = new ScoringRequestMonitor(profile);

        Console.WriteLine("| threads | M rows/s | ns per row per thread |");
        Console.WriteLine("|---:|---:|---:|");
        foreach (int threads in new[] { 1, 2, 1, 2, 1, 2 })
        {
            var clock = Stopwatch.StartNew();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
            {
                for (int i = 0; i < RowsPerThread; i++)
                {
                    monitor.Observe(rows[i & 1023]);
                }
            });
            double seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"| {threads} | {threads * RowsPerThread / seconds / 1e6:F1} | {seconds * 1e9 / RowsPerThread:F1} |");
        }

        monitor.CheckDrift();
        if (monitor.ObservedRows != 9L * RowsPerThread)
        {
            throw new InvalidOperationException($"Lost rows: {monitor.ObservedRows} of {9L * RowsPerThread}.");
        }
    }
}
