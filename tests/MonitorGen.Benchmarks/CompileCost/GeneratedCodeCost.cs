using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace MonitorGen.Benchmarks.CompileCost;

/// <summary>
/// <c>--generated-code-cost [rounds]</c>: what compiling the generated code of the 500-record project costs, split by
/// compiler phase (declarations, method bodies, emit) and by construct. The generator runs once; its output is then
/// compiled as plain sources, as emitted and with one construct at a time reduced to a trivial or cheaper form (each
/// variant still compiles), single-threaded so that the phases add up. The variants are text edits of the emitted code:
/// a measuring tool, tied to the emitter's current shape (docs/benchmarks/compile-cost.md).
/// </summary>
internal static partial class GeneratedCodeCost
{
    // Each variant applies its edits to every generated file; null is the project without generated code.
    private static readonly (string Name, Func<string, string>? Edit)[] Variants =
    {
        ("records only, no generated code", null),
        ("as generated", text => text),
        ("no factories on the record", WithoutFactories),
        ("Schema trivial", TrivialSchema),
        ("Schema as one string", SchemaAsOneString),
        ("no attributes, no doc comments", WithoutAttributesAndDocs),
        ("Schema as one string, no attributes or doc comments", text => WithoutAttributesAndDocs(SchemaAsOneString(text))),
        ("Schema, Read trivial", TrivialBodies),
        ("and no base class or interfaces", text => WithoutBaseTypes(TrivialBodies(text))),
        ("and no binding struct, no factories", text => WithoutBindingAndFactories(WithoutBaseTypes(TrivialBodies(text)))),
    };

    public static void Run(int rounds)
    {
        var project = new SyntheticProject();
        CSharpCompilation records = project.Parse();
        GeneratorDriver driver = project.CreateDriver().RunGenerators(records);
        string[] generated = driver.GetRunResult().GeneratedTrees.Select(tree => tree.GetText().ToString()).ToArray();
        var parse = (CSharpParseOptions)records.SyntaxTrees.First().Options;
        var samples = Variants.Select(_ => new List<(double Declarations, double Bodies, double Emit)>()).ToArray();
        for (int round = 0; round <= rounds; round++)
        {
            for (int v = 0; v < Variants.Length; v++)
            {
                Func<string, string>? edit = Variants[v].Edit;
                CSharpCompilation compilation = records.WithOptions(records.Options.WithConcurrentBuild(false));
                if (edit is not null)
                {
                    compilation = compilation.AddSyntaxTrees(generated.Select((text, i) =>
                        CSharpSyntaxTree.ParseText(SourceText.From(edit(text), Encoding.UTF8), parse, $"Generated{i}.g.cs")));
                }

                // A new compilation of the same trees each time: nothing is bound yet.
                compilation = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees);
                var clock = Stopwatch.StartNew();
                var declarations = compilation.GetDeclarationDiagnostics();
                double declared = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                var bodies = compilation.GetMethodBodyDiagnostics();
                double bound = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                using var peStream = new MemoryStream();
                using var pdbStream = new MemoryStream();
                var result = compilation.Emit(peStream, pdbStream);
                double emitted = clock.Elapsed.TotalMilliseconds;
                Diagnostic? error = declarations.Concat(bodies).Concat(result.Diagnostics).FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
                if (error is not null)
                {
                    throw new InvalidOperationException($"variant '{Variants[v].Name}' does not compile: {error}");
                }

                if (round > 0)
                {
                    samples[v].Add((declared, bound, emitted));
                }
            }
        }

        Console.WriteLine($"{SyntheticProject.TypeCount} [Monitor] records, {rounds} rounds, medians in ms, single-threaded");
        Console.WriteLine("| variant | declarations | method bodies | emit | total | added to records only |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        double baseline = 0;
        for (int v = 0; v < Variants.Length; v++)
        {
            double d = Median(samples[v].Select(s => s.Declarations)), b = Median(samples[v].Select(s => s.Bodies)), e = Median(samples[v].Select(s => s.Emit));
            double total = Median(samples[v].Select(s => s.Declarations + s.Bodies + s.Emit));
            if (v == 0)
            {
                baseline = total;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {Variants[v].Name} | {d:F0} | {b:F0} | {e:F0} | {total:F0} | {total - baseline:+0;-0;0} |"));
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static string TrivialBodies(string text) =>
        Regex.Replace(TrivialSchema(text), @"(where TSink : struct, global::MonitorGen\.IRowSink\n\s*\{).*?(\n            \})", "$1$2", RegexOptions.Singleline);

    private static string TrivialSchema(string text) =>
        SchemaInitializer().Replace(text, "public static global::MonitorGen.MonitorSchema Schema => null!;\n");

    // The schema's arguments as one string literal handed to one call: what a descriptor the runtime parses would cost
    // the compiler (the call stands in for such a parser; the variant is compiled, never run).
    private static string SchemaAsOneString(string text) =>
        SchemaInitializer().Replace(text, match => "public static global::MonitorGen.MonitorSchema Schema { get; } = "
            + "(global::MonitorGen.MonitorSchema)(object)global::System.String.Intern(\""
            + Regex.Replace(match.Groups[1].Value, @"[""\\\s]", "") + "\");\n");

    private static string WithoutAttributesAndDocs(string text)
    {
        text = Regex.Replace(text, @"^\s*\[global::System\.(CodeDom|ComponentModel)\..*\]\n", "", RegexOptions.Multiline);
        return Regex.Replace(text, @"^\s*///.*\n", "", RegexOptions.Multiline);
    }

    private static string WithoutFactories(string text) => Regex.Replace(text, @"    partial record \w+\n    \{.*?\n    \}\n", "", RegexOptions.Singleline);

    [GeneratedRegex(@"public static global::MonitorGen\.MonitorSchema Schema \{ get; \} = new\((.*?)\);\n", RegexOptions.Singleline)]
    private static partial Regex SchemaInitializer();

    private static string WithoutBaseTypes(string text)
    {
        text = Regex.Replace(text, @" : global::MonitorGen\.ModelMonitor<[^>]*>(, global::MonitorGen\.IModelMonitor<[^>]*>)?", "");
        text = text.Replace("            : base(profile, options, logger)\n", "", StringComparison.Ordinal);
        // Fit is the base class's.
        text = Regex.Replace(text, @"=> global::[\w.]+\.Fit\(rows, options\);", "=> null!;");
        return Regex.Replace(text, @" : global::MonitorGen\.IMonitorBinding<[^>]*>", "");
    }

    private static string WithoutBindingAndFactories(string text)
    {
        text = WithoutFactories(text);
        int binding = text.IndexOf("        /// <summary>Generator support:", StringComparison.Ordinal);
        int end = text.LastIndexOf("    }\n}", StringComparison.Ordinal);
        return binding >= 0 && end > binding ? text[..binding] + text[end..] : text;
    }
}
