using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace MonitorGen.Benchmarks;

/// <summary>
/// The cross-check of <see cref="OnnxBenchmarks"/> for a shared, loaded host (see <see cref="Interleaved"/>): the bare
/// run, the bare IoBinding run and the monitored prediction in alternation, rotating the order every round, so that each
/// round's samples see the same load; reports minima, medians and the per-round ratios' median.
/// </summary>
internal static class OnnxInterleaved
{
    private const int Repeat = 256;

    public static void Run(int rounds)
    {
        foreach (bool metrics in new[] { false, true })
        {
            var bench = new OnnxBenchmarks { Metrics = metrics };
            bench.Setup();
            try
            {
                Measure(bench, metrics, rounds);
            }
            finally
            {
                bench.Cleanup();
            }
        }
    }

    private static void Measure(OnnxBenchmarks bench, bool metrics, int rounds)
    {
        string[] names = ["BareRun", "BareIoBinding", "Monitored"];
        Func<WeatherForecast>[] actions = [bench.BareRun, bench.BareIoBinding, bench.Monitored];

        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 3000)
        {
            foreach (Func<WeatherForecast> action in actions)
            {
                action();
            }
        }

        var usPerCall = new double[actions.Length][];
        var allocated = new long[actions.Length];
        for (int k = 0; k < actions.Length; k++)
        {
            usPerCall[k] = new double[rounds];
        }

        for (int r = 0; r < rounds; r++)
        {
            for (int j = 0; j < actions.Length; j++)
            {
                int k = (r + j) % actions.Length;
                Func<WeatherForecast> action = actions[k];
                long bytes = GC.GetAllocatedBytesForCurrentThread();
                long start = Stopwatch.GetTimestamp();
                for (int i = 0; i < Repeat; i++)
                {
                    action();
                }

                long ticks = Stopwatch.GetTimestamp() - start;
                allocated[k] += GC.GetAllocatedBytesForCurrentThread() - bytes;
                usPerCall[k][r] = ticks * (1e6 / Stopwatch.Frequency) / Repeat;
            }
        }

        CultureInfo c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"Metrics={metrics}, {rounds} rounds of {Repeat} calls per variant"));
        Console.WriteLine("| Method | Min µs/call | Median µs/call | B/call | Median ratio to BareRun (paired) | Median ratio to BareIoBinding (paired) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (int k = 0; k < actions.Length; k++)
        {
            double toRun = Interleaved.Median(Enumerable.Range(0, rounds).Select(r => usPerCall[k][r] / usPerCall[0][r]).ToArray());
            double toBinding = Interleaved.Median(Enumerable.Range(0, rounds).Select(r => usPerCall[k][r] / usPerCall[1][r]).ToArray());
            Console.WriteLine(string.Create(c,
                $"| {names[k]} | {usPerCall[k].Min():F3} | {Interleaved.Median(usPerCall[k]):F3} | {allocated[k] / (double)(rounds * Repeat):F1} | {toRun:F3} | {toBinding:F3} |"));
        }

        Console.WriteLine();
    }
}
