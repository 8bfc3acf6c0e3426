using System;
using System.Globalization;
using BenchmarkDotNet.Running;

namespace MonitorGen.Benchmarks;

internal static class Program
{
    // BenchmarkDotNet by default; "--interleaved [rounds]" runs the alternating cross-check instead, "--onnx-interleaved
    // [rounds]" the same for the ONNX session, and "--parallel" the throughput of one monitor under 1 and 2 concurrent callers.
    private static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--parallel")
        {
            ParallelCallers.Run();
            return;
        }

        if (args.Length > 0 && args[0] == "--onnx-interleaved")
        {
            OnnxInterleaved.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300);
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
