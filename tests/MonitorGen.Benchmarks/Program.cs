using System;
using System.Globalization;
using BenchmarkDotNet.Running;

namespace MonitorGen.Benchmarks;

internal static class Program
{
    // BenchmarkDotNet by default; "--interleaved [rounds]" runs the alternating cross-check instead, "--labels-interleaved [rounds]" the labels' one, "--onnx-interleaved
    // [rounds]" the same for the ONNX session, "--parallel" the throughput of one monitor under 1 and 2 concurrent callers,
    // "--compile-cost [rounds]" the compile-time breakdown of a 500-record project, which "--write-project <dir>"
    // writes to disk for a real build, "--transform-profile [rounds]" where the generator's transform spends its time,
    // "--generated-code-cost [rounds]" what compiling the generated code costs by phase and construct, and "--soak [minutes]" the long soak of docs/benchmarks/soak.md, and "--drift-power" and "--drift-race" the two tables of
    // docs/benchmarks/drift-power.md.
    private static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--drift-power")
        {
            DriftRace.WindowPower.Run();
            return;
        }

        if (args.Length > 0 && args[0] == "--drift-race")
        {
            DriftRace.StreamingRace.Run();
            return;
        }

        if (args.Length > 0 && args[0] == "--parallel")
        {
            ParallelCallers.Run();
            return;
        }

        if (args.Length > 0 && args[0] == "--soak")
        {
            Soak.Run(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 30);
            return;
        }

        if (args.Length > 0 && args[0] == "--compile-cost")
        {
            CompileCost.CompileCostBreakdown.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10);
            return;
        }

        if (args.Length > 0 && args[0] == "--generated-code-cost")
        {
            CompileCost.GeneratedCodeCost.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
            return;
        }

        if (args.Length > 0 && args[0] == "--transform-profile")
        {
            CompileCost.TransformProfile.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10);
            return;
        }

        if (args.Length > 1 && args[0] == "--write-project")
        {
            CompileCost.ProjectWriter.Write(args[1]);
            return;
        }

        if (args.Length > 0 && args[0] == "--onnx-interleaved")
        {
            OnnxInterleaved.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300);
            return;
        }

        if (args.Length > 0 && args[0] == "--labels-interleaved")
        {
            LabelsInterleaved.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300);
            return;
        }

        if (args.Length > 0 && args[0] == "--interleaved")
        {
            Interleaved.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
