using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace MonitorGen.Benchmarks;

/// <summary>
/// A cross-check for shared, loaded hosts: BenchmarkDotNet measures one benchmark after another, so load from other
/// processes that comes and goes skews the ratios. This runs the three monitors in alternation (rotating the order
/// every round), so each round's three samples see the same load, and reports the per-round ratios' median.
/// </summary>
internal static class Interleaved
{
    private const int Repeat = 16;

    public static void Run(int rounds)
    {
        foreach (bool metrics in new[] { false, true })
        {
            var bench = new ObserveBenchmarks { Metrics = metrics };
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

    private static void Measure(ObserveBenchmarks bench, bool metrics, int rounds)
    {
        string[] names = { "HandWritten", "Generated", "Reflection" };
        Action[] actions = { bench.HandWritten, bench.Generated, bench.Reflection };

        (double[][] seconds, long[] allocated) = Alternate(actions, rounds, Repeat);
        double[][] nsPerRow = seconds.Select(samples => samples.Select(t => t * 1e9 / (Repeat * 1024.0)).ToArray()).ToArray();

        CultureInfo c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"Metrics={metrics}, {rounds} rounds of {Repeat}x1024 rows per monitor"));
        Console.WriteLine("| Method | Min ns/row | Median ns/row | B/row | Median ratio to HandWritten (paired) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        for (int k = 0; k < actions.Length; k++)
        {
            double[] ratios = Enumerable.Range(0, rounds).Select(r => nsPerRow[k][r] / nsPerRow[0][r]).ToArray();
            Console.WriteLine(string.Create(c, $"| {names[k]} | {nsPerRow[k].Min():F1} | {Median(nsPerRow[k]):F1} | {allocated[k] / (rounds * Repeat * 1024.0):F1} | {Median(ratios):F2} |"));
        }

        double[] reflVsGen = Enumerable.Range(0, rounds).Select(r => nsPerRow[2][r] / nsPerRow[1][r]).ToArray();
        Console.WriteLine(string.Create(c, $"Reflection / Generated, paired median: {Median(reflVsGen):F2}; ratio of minima: {nsPerRow[2].Min() / nsPerRow[1].Min():F2}; Generated / HandWritten ratio of minima: {nsPerRow[1].Min() / nsPerRow[0].Min():F2}"));
        Console.WriteLine();
    }

    /// <summary>
    /// Warms the actions up past tiered compilation and dynamic PGO (3 s), then runs <paramref name="rounds"/> rounds, each
    /// timing every action <paramref name="repeat"/> times in a row, in an order that rotates per round.
    /// </summary>
    /// <returns>Per action, the seconds of each round's block; and the bytes it allocated on this thread in all rounds.</returns>
    internal static (double[][] Seconds, long[] Allocated) Alternate(Action[] actions, int rounds, int repeat)
    {
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 3000)
        {
            foreach (Action action in actions)
            {
                action();
            }
        }

        var seconds = new double[actions.Length][];
        var allocated = new long[actions.Length];
        for (int k = 0; k < actions.Length; k++)
        {
            seconds[k] = new double[rounds];
        }

        for (int r = 0; r < rounds; r++)
        {
            for (int j = 0; j < actions.Length; j++)
            {
                int k = (r + j) % actions.Length;
                Action action = actions[k];
                long bytes = GC.GetAllocatedBytesForCurrentThread();
                long start = Stopwatch.GetTimestamp();
                for (int i = 0; i < repeat; i++)
                {
                    action();
                }

                long ticks = Stopwatch.GetTimestamp() - start;
                allocated[k] += GC.GetAllocatedBytesForCurrentThread() - bytes;
                seconds[k][r] = ticks / (double)Stopwatch.Frequency;
            }
        }

        return (seconds, allocated);
    }

    internal static double Median(double[] values)
    {
        double[] sorted = (double[])values.Clone();
        Array.Sort(sorted);
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
    }
}
