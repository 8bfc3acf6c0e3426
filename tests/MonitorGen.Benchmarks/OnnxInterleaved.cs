using System;
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

    private static WeatherForecast? s_sink;

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
        // The result goes to a static field, so that the JIT cannot stack-allocate the bare variants' forecast (.NET 10
        // escape analysis) while the monitored one, behind a call it does not inline, allocates it.
        Action[] actions = [() => s_sink = bench.BareRun(), () => s_sink = bench.BareIoBinding(), () => s_sink = bench.Monitored()];
        (double[][] seconds, long[] allocated) = Interleaved.Alternate(actions, rounds, Repeat);
        double[][] usPerCall = seconds.Select(samples => samples.Select(t => t * 1e6 / Repeat).ToArray()).ToArray();

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
