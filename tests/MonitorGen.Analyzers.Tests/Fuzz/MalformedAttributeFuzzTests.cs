using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using MonitorGen.Analyzers.Tests.Verifiers;
using MonitorGen.Generators;

namespace MonitorGen.Analyzers.Tests.Fuzz;

/// <summary>
/// Thousands of malformed attribute usages through the generator (a <see cref="GeneratorDriver"/>) and every analyzer
/// (<see cref="CompilationWithAnalyzers"/>), as a build runs them: neither may throw (no CS8785, no AD0001), and what the
/// generator emits must compile.
/// </summary>
public sealed class MalformedAttributeFuzzTests
{
    /// <summary>The number of generated compilations (each with one to three monitored types); fixed, with a fixed seed.</summary>
    public const int Compilations = 1000;

    private const int Seed = 20261127;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    // Every case derives from one empty compilation, so that the referenced assemblies are bound once, not once per case.
    private static readonly CSharpCompilation Empty = CSharpCompilation.Create(
        "Fuzz",
        syntaxTrees: null,
        TestReferences.Additional.Add(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location)),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private readonly ITestOutputHelper _output;

    public MalformedAttributeFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Neither_the_generator_nor_any_analyzer_throws_on_malformed_attributes()
    {
        var source = new MalformedAttributeSource(Seed);
        var failures = new List<string>();
        var seenIds = new SortedSet<string>(StringComparer.Ordinal);
        int generatedFiles = 0;
        int run = 0;
        var stopwatch = Stopwatch.StartNew();
        for (; run < Compilations && failures.Count < 5; run++)
        {
            int i = run;
            string text = source.Next();
            IReadOnlyList<string> problems = await CheckAsync(text, seenIds, count => generatedFiles += count);
            if (problems.Count > 0)
            {
                failures.Add($"case {i} (seed {Seed}):\n{string.Join("\n", problems)}\n--- source ---\n{text}");
            }
        }

        _output.WriteLine($"{run} compilations in {stopwatch.Elapsed.TotalSeconds:F1} s; {generatedFiles} generated files; ids seen: {string.Join(", ", seenIds)}");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));

        // The corpus must reach the rules it is meant to stress, or it proves nothing.
        Assert.Superset(
            new SortedSet<string>(new[] { "MG0001", "MG0002", "MG0003", "MG0004", "MG0005", "MG0006", "MG0007", "MG0008", "MG0011", "MG0012" }, StringComparer.Ordinal),
            seenIds);
        Assert.True(generatedFiles > Compilations / 4, $"only {generatedFiles} generated files");
    }

    private static async Task<IReadOnlyList<string>> CheckAsync(string text, ISet<string> seenIds, Action<int> countGenerated)
    {
        var problems = new List<string>();
        CSharpCompilation compilation = Empty.AddSyntaxTrees(CSharpSyntaxTree.ParseText(text, ParseOptions, path: "/0/Fuzz.cs"));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new MonitorGenerator().AsSourceGenerator() }, parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        GeneratorRunResult run = driver.GetRunResult().Results.Single();
        if (run.Exception is not null)
        {
            problems.Add("generator threw: " + run.Exception);
        }

        problems.AddRange(generatorDiagnostics.Where(d => d.Id is "CS8785" or "CS8784").Select(d => "generator: " + d));
        countGenerated(run.GeneratedSources.Length);
        foreach (SyntaxTree generated in output.SyntaxTrees.Skip(1))
        {
            problems.AddRange(output.GetSemanticModel(generated).GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => "generated code does not compile: " + d));
        }

        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue(analyzer.GetType().Name + " threw: " + exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> diagnostics = await output.WithAnalyzers(AllAnalyzersTest.All, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        problems.AddRange(exceptions);
        problems.AddRange(diagnostics.Where(d => d.Id == "AD0001" || !d.Id.StartsWith("MG", StringComparison.Ordinal)).Select(d => "analyzer: " + d));
        problems.AddRange(diagnostics.Where(d => d.Location.SourceTree is { } tree && tree != output.SyntaxTrees.First()).Select(d => "diagnostic in generated code: " + d));
        foreach (Diagnostic diagnostic in diagnostics)
        {
            seenIds.Add(diagnostic.Id);
        }

        return problems;
    }
}
