using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MonitorGen.Benchmarks.CompileCost;

/// <summary>
/// What MonitorGen adds to the compile time of a project of 500 <c>[Monitor]</c> records (<see cref="SyntheticProject"/>):
/// a full compile (parse, bind, emit) without MonitorGen, with the generator, and with the generator and every analyzer;
/// the generator alone on a bound compilation, and re-run after a one-line edit in an unrelated file with the driver reused
/// (as the IDE does); the analyzers alone. Each operation takes long enough that one invocation per iteration is measured.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class CompileCostBenchmarks
{
    private SyntheticProject _project = null!;
    private CSharpCompilation _parsed = null!;
    private Compilation _generated = null!;
    private GeneratorDriver _warmDriver = null!;
    private CSharpCompilation _warmCompilation = null!;
    private int _edit;

    [GlobalSetup]
    public void Setup()
    {
        _project = new SyntheticProject();
        _parsed = _project.Parse();
        _project.CreateDriver().RunGeneratorsAndUpdateCompilation(_parsed, out _generated, out _);
        _warmCompilation = _parsed;
        _warmDriver = _project.CreateDriver().RunGenerators(_warmCompilation);
    }

    [Benchmark(Baseline = true, Description = "compile, no MonitorGen")]
    public void Compile() => SyntheticProject.Emit(_project.Parse());

    [Benchmark(Description = "compile + generator")]
    public void CompileWithGenerator()
    {
        _project.CreateDriver().RunGeneratorsAndUpdateCompilation(_project.Parse(), out Compilation output, out _);
        SyntheticProject.Emit(output);
    }

    [Benchmark(Description = "compile + generator + analyzers")]
    public void CompileWithGeneratorAndAnalyzers()
    {
        _project.CreateDriver().RunGeneratorsAndUpdateCompilation(_project.Parse(), out Compilation output, out _);
        _project.Analyze(output, logTimes: false, out _);
        SyntheticProject.Emit(output);
    }

    [Benchmark(Description = "generator, new driver, bound compilation")]
    // A new driver on a compilation whose symbols are already bound (by the setup's run): the generator's own work, without
    // the binding that a compile would do anyway.
    public GeneratorDriver GeneratorOnBoundCompilation() => _project.CreateDriver().RunGenerators(_parsed);

    [Benchmark(Description = "analyzers only")]
    public int AnalyzersOnly() => _project.Analyze(_generated, logTimes: false, out _).Length;

    [Benchmark(Description = "generator re-run after a one-line edit")]
    public GeneratorDriver GeneratorIncremental()
    {
        SyntaxTree service = _warmCompilation.SyntaxTrees[^1];
        _warmCompilation = _warmCompilation.ReplaceSyntaxTree(service, _project.EditedService(++_edit));
        _warmDriver = _warmDriver.RunGenerators(_warmCompilation);
        return _warmDriver;
    }
}
