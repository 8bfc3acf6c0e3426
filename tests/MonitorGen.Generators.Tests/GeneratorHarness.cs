using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MonitorGen.Generators.Tests;

/// <summary>Runs <see cref="MonitorGenerator"/> over in-memory sources, as the compiler would.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        // The running test host's framework plus the MonitorGen runtime and what it exposes in signatures.
        string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var paths = platform.Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                                           || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(MonitorAttribute).Assembly.Location)
            .Append(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location)
            .Distinct();
        return paths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToArray();
    });

    // With MonitorGen.OnnxRuntime, whose presence makes the generator emit ONNX mappings.
    private static readonly Lazy<MetadataReference[]> OnnxReferences = new(() =>
        References.Value
            .Append(MetadataReference.CreateFromFile(typeof(MonitorGen.OnnxRuntime.IOnnxRecord<>).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.ML.OnnxRuntime.InferenceSession).Assembly.Location))
            .ToArray());

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilation Compile(params string[] sources) => Compile(onnx: false, sources);

    /// <summary>A compilation of <paramref name="sources"/>, referencing MonitorGen.OnnxRuntime when <paramref name="onnx"/>.</summary>
    public static CSharpCompilation Compile(bool onnx, params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            onnx ? OnnxReferences.Value : References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new MonitorGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator and returns its result and the compilation with its output added.</summary>
    public static (GeneratorRunResult Result, Compilation Output) Run(params string[] sources) => Run(onnx: false, sources);

    /// <summary>As <see cref="Run(string[])"/>, referencing MonitorGen.OnnxRuntime when <paramref name="onnx"/>.</summary>
    public static (GeneratorRunResult Result, Compilation Output) Run(bool onnx, params string[] sources)
    {
        CSharpCompilation compilation = Compile(onnx, sources);
        GeneratorDriver driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        return (driver.GetRunResult().Results.Single(), output);
    }

    /// <summary>The errors of a compilation, formatted for an assertion message.</summary>
    public static IReadOnlyList<string> Errors(Compilation compilation) =>
        compilation.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .Select(diagnostic => diagnostic.ToString())
            .ToArray();
}
