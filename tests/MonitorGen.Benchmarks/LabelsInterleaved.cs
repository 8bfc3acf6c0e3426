using System;
using System.Globalization;
using System.Linq;

namespace MonitorGen.Benchmarks;

/// <summary>
/// <see cref="Interleaved"/>'s cross-check for the labels' hot path (issue 12, §2): <see cref="LabelBenchmarks"/>'s
/// observing benchmarks in alternation, so that each round's samples see the same load, with the per-round ratios to
/// the row without labels and their median.
/// </summary>
internal static class LabelsInterleaved
{
    private const int Repeat = 16;

    public static void Run(int rounds)
    {
        var bench = new LabelBenchmarks();
        bench.Setup();
        try
        {
            string[] names = ["ObserveWithoutLabels", "ObserveWithLabels", "ObserveWithLabelsStored", "ObserveWithLabelsSmallTable"];
            Action[] actions = [bench.ObserveWithoutLabels, bench.ObserveWithLabels, bench.ObserveWithLabelsStored, bench.ObserveWithLabelsSmallTable];
            (double[][] seconds, long[] allocated) = Interleaved.Alternate(actions, rounds, Repeat);
            double[][] nsPerRow = [.. seconds.Select(samples => samples.Select(t => t * 1e9 / (Repeat * 1024.0)).ToArray())];

            CultureInfo c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(c, $"{rounds} rounds of {Repeat}x1024 rows per benchmark"));
            Console.WriteLine("| Method | Min ns/row | Median ns/row | B/row | Median ratio to ObserveWithoutLabels (paired) |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            for (int k = 0; k < actions.Length; k++)
            {
                double[] ratios = [.. Enumerable.Range(0, rounds).Select(r => nsPerRow[k][r] / nsPerRow[0][r])];
                Console.WriteLine(string.Create(c, $"| {names[k]} | {nsPerRow[k].Min():F1} | {Interleaved.Median(nsPerRow[k]):F1} | {allocated[k] / (rounds * Repeat * 1024.0):F1} | {Interleaved.Median(ratios):F3} |"));
            }
        }
        finally
        {
            bench.Cleanup();
        }
    }
}
