using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace MonitorGen.Benchmarks.CompileCost;

/// <summary>
/// <c>--compile-cost [rounds]</c>: the same phases as <see cref="CompileCostBenchmarks"/>, interleaved round by round (so
/// that load from other processes hits every phase alike), with the driver's own generator timing, the per-analyzer
/// times from <see cref="CompilationWithAnalyzers.GetAnalyzerTelemetryInfoAsync"/>, and a check that the incremental
/// re-run reused every generated file.
/// </summary>
internal static class CompileCostBreakdown
{
    public static void Run(int rounds)
    {
        var project = new SyntheticProject();
        Console.WriteLine($"{SyntheticProject.TypeCount} [Monitor] records in {project.Sources.Count} files, {SyntheticProject.ProfileCount} profiles, {SyntheticProject.OnnxCount} ONNX models, {SyntheticProject.Analyzers.Length} analyzers");

        var parse = new double[rounds];
        var compile = new double[rounds];
        var generate = new double[rounds];
        var driverTiming = new double[rounds];
        var emitGenerated = new double[rounds];
        var analyze = new double[rounds];
        var incremental = new double[rounds];
        var telemetry = new System.Collections.Generic.Dictionary<string, double>(StringComparer.Ordinal);
        GeneratorDriver warmDriver = project.CreateDriver();
        CSharpCompilation warm = project.Parse();
        warmDriver = warmDriver.RunGenerators(warm);
        int diagnostics = 0;
        for (int round = -1; round < rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            CSharpCompilation parsed = project.Parse();
            foreach (SyntaxTree tree in parsed.SyntaxTrees)
            {
                tree.GetRoot();
            }

            double parseMs = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            SyntheticProject.Emit(parsed);
            double compileMs = watch.Elapsed.TotalMilliseconds;

            parsed = project.Parse();
            watch.Restart();
            GeneratorDriver driver = project.CreateDriver().RunGeneratorsAndUpdateCompilation(parsed, out Compilation generated, out _);
            double generateMs = watch.Elapsed.TotalMilliseconds;
            double driverMs = driver.GetTimingInfo().ElapsedTime.TotalMilliseconds;
            watch.Restart();
            SyntheticProject.Emit(generated);
            double emitGeneratedMs = watch.Elapsed.TotalMilliseconds;

            watch.Restart();
            diagnostics = project.Analyze(generated, logTimes: round == rounds - 1, out CompilationWithAnalyzers withAnalyzers).Length;
            double analyzeMs = watch.Elapsed.TotalMilliseconds;
            if (round == rounds - 1)
            {
                foreach (var analyzer in SyntheticProject.Analyzers)
                {
                    AnalyzerTelemetryInfo info = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default).GetAwaiter().GetResult();
                    telemetry[analyzer.GetType().Name] = info.ExecutionTime.TotalMilliseconds;
                }
            }

            SyntaxTree service = warm.SyntaxTrees[^1];
            warm = warm.ReplaceSyntaxTree(service, project.EditedService(round + 2));
            watch.Restart();
            warmDriver = warmDriver.RunGenerators(warm);
            double incrementalMs = watch.Elapsed.TotalMilliseconds;

            if (round >= 0)
            {
                parse[round] = parseMs;
                compile[round] = parseMs + compileMs;
                generate[round] = generateMs;
                driverTiming[round] = driverMs;
                emitGenerated[round] = emitGeneratedMs;
                analyze[round] = analyzeMs;
                incremental[round] = incrementalMs;
            }
        }

        CheckIncrementalReuse(project);

        double baseCompile = Median(compile);
        Console.WriteLine($"median of {rounds} rounds (ms); round 0 discarded as warm-up");
        Row("parse only", Median(parse), baseCompile);
        Row("compile, no MonitorGen (parse + bind + emit)", baseCompile, baseCompile);
        Row("generator run (Stopwatch)", Median(generate), baseCompile);
        Row("generator run (driver GetTimingInfo)", Median(driverTiming), baseCompile);
        Row("emit of project + generated code", Median(emitGenerated), baseCompile);
        Row("all analyzers (CompilationWithAnalyzers)", Median(analyze), baseCompile);
        Row("generator re-run after a one-line edit elsewhere", Median(incremental), baseCompile);
        Console.WriteLine($"analyzer diagnostics: {diagnostics}");
        Console.WriteLine("per-analyzer execution time, last round (ms):");
        foreach (var pair in telemetry.OrderByDescending(p => p.Value))
        {
            Console.WriteLine($"  {pair.Key,-40} {pair.Value,8:F1}");
        }
    }

    // With step tracking on, the re-run after an edit in an unrelated file must reuse every output.
    private static void CheckIncrementalReuse(SyntheticProject project)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new Generators.MonitorGenerator().AsSourceGenerator() },
            project.AdditionalFiles,
            new CSharpParseOptions(LanguageVersion.Latest),
            null,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        CSharpCompilation compilation = project.Parse();
        driver = driver.RunGenerators(compilation);
        compilation = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees[^1], project.EditedService(12345));
        driver = driver.RunGenerators(compilation);
        var reasons = driver.GetRunResult().Results[0].TrackedOutputSteps
            .SelectMany(step => step.Value)
            .SelectMany(run => run.Outputs)
            .GroupBy(output => output.Reason)
            .Select(group => $"{group.Key}: {group.Count()}");
        Console.WriteLine("incremental re-run, generator output steps: " + string.Join(", ", reasons));
    }

    private static void Row(string name, double ms, double baseline) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-52} {ms,9:F1} ms  {100 * ms / baseline,6:F1} %"));

    internal static double Median(System.Collections.Generic.IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
