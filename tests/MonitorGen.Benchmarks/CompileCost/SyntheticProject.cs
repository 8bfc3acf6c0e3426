using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MonitorGen.Analyzers;
using MonitorGen.Generators;

namespace MonitorGen.Benchmarks.CompileCost;

/// <summary>
/// A generated project of <see cref="TypeCount"/> <c>[Monitor]</c> records (ten per file), one unrelated service file,
/// reference profiles for <see cref="ProfileCount"/> of the records and <see cref="OnnxCount"/> ONNX models, all in
/// memory, compiled against the local net10.0 reference pack, MonitorGen.dll and its dependencies.
/// </summary>
public sealed class SyntheticProject
{
    public const int TypeCount = 500;
    public const int TypesPerFile = 10;
    public const int ProfileCount = 50;
    public const int OnnxCount = 10;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public SyntheticProject()
    {
        References = LoadReferences();
        Sources = BuildSources();
        Profiles = BuildProfiles();
        OnnxModels = BuildOnnxModels();
        AdditionalFiles = Profiles.Concat(OnnxModels).ToImmutableArray();
    }

    /// <summary>The source files: path and text; the last one is the unrelated service.</summary>
    public IReadOnlyList<(string Path, string Text)> Sources { get; }

    public ImmutableArray<MetadataReference> References { get; }

    public ImmutableArray<AdditionalText> Profiles { get; }

    public ImmutableArray<AdditionalText> OnnxModels { get; }

    public ImmutableArray<AdditionalText> AdditionalFiles { get; }

    /// <summary>Every analyzer of MonitorGen.Analyzers, as the package loads them.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(ReferenceProfileAnalyzer).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
        .OrderBy(type => type.Name, StringComparer.Ordinal)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    /// <summary>Parses every source file, as the compiler does on each build.</summary>
    public CSharpCompilation Parse() => CSharpCompilation.Create(
        "Synthetic",
        Sources.Select(source => CSharpSyntaxTree.ParseText(SourceText.From(source.Text, Encoding.UTF8), ParseOptions, source.Path)),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));

    /// <summary>A generator driver with the project's options (additional files included).</summary>
    public GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        new[] { new MonitorGenerator().AsSourceGenerator() },
        AdditionalFiles,
        ParseOptions,
        optionsProvider: null,
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    /// <summary>Emits to memory and fails if the compilation has errors (a benchmark of a broken project would measure nothing).</summary>
    public static void Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        }
    }

    /// <summary>Runs the analyzers and returns their diagnostics; fails on an analyzer exception.</summary>
    public ImmutableArray<Diagnostic> Analyze(Compilation compilation, bool logTimes, out CompilationWithAnalyzers withAnalyzers)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(AdditionalFiles),
            onAnalyzerException: (exception, analyzer, _) => throw new InvalidOperationException(analyzer + " threw", exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: logTimes);
        withAnalyzers = compilation.WithAnalyzers(Analyzers, options);
        return withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The unrelated file with a one-line edit (<paramref name="version"/> changes one constant).</summary>
    public SyntaxTree EditedService(int version) => CSharpSyntaxTree.ParseText(
        SourceText.From(Sources[^1].Text.Replace("private const int Version = 0;", $"private const int Version = {version};", StringComparison.Ordinal), Encoding.UTF8),
        ParseOptions,
        Sources[^1].Path);

    private static IReadOnlyList<(string, string)> BuildSources()
    {
        var files = new List<(string, string)>
        {
            ("/src/Shared.cs", "namespace Bench.Models;\n\npublic enum Tier { Free, Basic, Pro, Enterprise }\n"),
        };
        for (int file = 0; file < TypeCount / TypesPerFile; file++)
        {
            var text = new StringBuilder("using MonitorGen;\n\nnamespace Bench.Models;\n");
            for (int t = 0; t < TypesPerFile; t++)
            {
                int i = (file * TypesPerFile) + t;
                text.Append(CultureInfo.InvariantCulture, $$"""

                    /// <summary>Features of model m{{i}}.</summary>
                    [Monitor("m{{i}}", Version = "1.{{i % 7}}")]
                    public partial record Features{{i}}(
                        [DriftTest] double Age,
                        [DriftTest(DriftMethod.Psi, Threshold = 0.2)] float Income,
                        [DriftTest] int Visits,
                        [DriftTest] Tier Plan,
                        [DriftTest] bool Active,
                        [Expect(Min = 0, Max = 1)] double Ratio,
                        [KpiMetric("score_{{i}}")] double Score,
                        [NotMonitored] string? Id);

                    """);
            }

            files.Add(($"/src/Models{file}.cs", text.ToString()));
        }

        files.Add(("/src/Service.cs", """
            using System;
            using System.Collections.Generic;
            using System.Linq;

            namespace Bench;

            /// <summary>Code that has nothing to do with monitoring: the file the incremental run edits.</summary>
            public sealed class PricingService
            {
                private const int Version = 0;
                private readonly Dictionary<string, decimal> _prices = new(StringComparer.Ordinal);

                public int CurrentVersion => Version;

                public void Set(string sku, decimal price) => _prices[sku] = price;

                public decimal Total(IEnumerable<string> skus) => skus.Where(_prices.ContainsKey).Sum(sku => _prices[sku]);
            }
            """));
        return files;
    }

    private ImmutableArray<AdditionalText> BuildProfiles()
    {
        // The hashes the generator emits, so that the profiles match and MG0009 does its full comparison.
        CSharpCompilation compilation = Parse();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new MonitorGenerator()).RunGenerators(compilation);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (SyntaxTree tree in driver.GetRunResult().GeneratedTrees)
        {
            Match match = Regex.Match(tree.ToString(), "\"(Bench\\.Models\\.Features\\d+)\",\\s*\"([0-9a-f]{16})\"");
            if (match.Success)
            {
                hashes[match.Groups[1].Value] = match.Groups[2].Value;
            }
        }

        var random = new Random(3);
        var files = ImmutableArray.CreateBuilder<AdditionalText>();
        for (int i = 0; i < ProfileCount; i++)
        {
            string typeName = "Bench.Models.Features" + i.ToString(CultureInfo.InvariantCulture);
            var profile = new ReferenceProfile
            {
                ModelName = "m" + i.ToString(CultureInfo.InvariantCulture),
                TypeName = typeName,
                SchemaHash = hashes[typeName],
                RowCount = 20_000,
                Features = new List<FeatureProfile>
                {
                    Numeric("Age", random), Numeric("Income", random), Numeric("Visits", random),
                    Categorical("Plan", "Free", "Basic", "Pro", "Enterprise"), Categorical("Active", "False", "True"), Numeric("Ratio", random),
                },
            };
            using var stream = new MemoryStream();
            profile.Save(stream);
            files.Add(new InMemoryAdditionalText($"/src/profiles/m{i}.monitorprofile.json", Encoding.UTF8.GetString(stream.ToArray())));
        }

        return files.ToImmutable();
    }

    private static FeatureProfile Numeric(string name, Random random)
    {
        double[] sample = Enumerable.Range(0, 2048).Select(_ => random.NextDouble() * 100).Order().ToArray();
        return new FeatureProfile
        {
            Name = name,
            Kind = FeatureKind.Numerical,
            Method = DriftMethod.Ks,
            Count = 20_000,
            Cuts = Enumerable.Range(1, 9).Select(k => sample[k * 204]).ToArray(),
            BinCounts = Enumerable.Repeat(2000L, 10).ToArray(),
            Sample = sample,
            Mean = 50,
            StandardDeviation = 28,
            Max = 100,
        };
    }

    private static FeatureProfile Categorical(string name, params string[] categories) => new()
    {
        Name = name,
        Kind = FeatureKind.Categorical,
        Method = DriftMethod.ChiSquare,
        Count = 20_000,
        Categories = categories,
        CategoryCounts = categories.Select(_ => 20_000L / categories.Length).ToArray(),
    };

    // The ONNX fixture of the analyzer tests (age: float, plan: string, and a weight), named after models m0..m9: it
    // does not fit those records, so MG0010 runs its whole comparison and reports.
    private static ImmutableArray<AdditionalText> BuildOnnxModels()
    {
        string base64 = Convert.ToBase64String(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "churn.onnx")));
        return Enumerable.Range(0, OnnxCount)
            .Select(i => (AdditionalText)new InMemoryAdditionalText($"/src/obj/monitorgen/m{i}.onnx.base64", base64))
            .ToImmutableArray();
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // shared/Microsoft.NETCore.App/<version>/ -> dotnet root -> packs/Microsoft.NETCore.App.Ref/<version>/ref/net10.0
        string root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        string pack = Directory.GetDirectories(Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref"))
            .Select(version => Path.Combine(version, "ref", "net10.0"))
            .Where(Directory.Exists)
            .OrderByDescending(path => path, StringComparer.Ordinal)
            .First();
        return Directory.GetFiles(pack, "*.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(MonitorAttribute).Assembly.Location))
            .Concat(typeof(MonitorAttribute).Assembly.GetReferencedAssemblies()
                .Select(name => Path.Combine(AppContext.BaseDirectory, name.Name + ".dll"))
                .Where(File.Exists)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)))
            .ToImmutableArray();
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
