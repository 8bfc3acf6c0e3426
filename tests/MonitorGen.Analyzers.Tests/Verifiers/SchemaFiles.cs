using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MonitorGen.Generators;

namespace MonitorGen.Analyzers.Tests.Verifiers;

/// <summary>Profiles and model files for the MG0009 and MG0010 tests.</summary>
public static class SchemaFiles
{
    /// <summary>The schema hash the generator emits for the [Monitor] type <paramref name="typeName"/> of <paramref name="source"/>.</summary>
    public static string GeneratedHash(string markup, string typeName)
    {
        string source = Regex.Replace(markup, @"\{\|[^:|]*:|\|\}", string.Empty); // test markup such as {|#0:Input|}
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Hash",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            TestReferences.Additional,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new MonitorGenerator()).RunGenerators(compilation);
        foreach (SyntaxTree tree in driver.GetRunResult().GeneratedTrees)
        {
            Match match = Regex.Match(
                tree.ToString(),
                "MonitorSchema Schema \\{ get; \\} = new\\(\\s*\"[^\"]*\",\\s*(?:null|\"[^\"]*\"),\\s*\"" + Regex.Escape(typeName) + "\",\\s*\"([0-9a-f]{16})\"");
            if (match.Success)
            {
                return match.Groups[1].Value;
            }
        }

        throw new InvalidOperationException("The generator emitted no schema for " + typeName);
    }

    /// <summary>A profile written by the runtime's own <see cref="ReferenceProfile.Save(Stream)"/>.</summary>
    public static string Profile(string model, string typeName, string schemaHash, params (string Name, FeatureKind Kind)[] features)
    {
        var profile = new ReferenceProfile
        {
            ModelName = model,
            ModelVersion = "1.0",
            TypeName = typeName,
            SchemaHash = schemaHash,
            RowCount = 100,
            CreatedUtc = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero),
            Features = features.Select(f => f.Kind == FeatureKind.Numerical
                ? new FeatureProfile { Name = f.Name, Kind = f.Kind, Method = DriftMethod.Ks, Count = 100, Cuts = new[] { 0.5, 1.5 }, BinCounts = new long[] { 30, 40, 30 }, Sample = new[] { 0.0, 1.0, double.NaN }, Mean = 1, StandardDeviation = 0.5 }
                : new FeatureProfile { Name = f.Name, Kind = f.Kind, Method = DriftMethod.ChiSquare, Count = 100, Categories = new[] { "a", "b\"\\\u00e9" }, CategoryCounts = new long[] { 60, 40 } }).ToList(),
        };
        using var stream = new MemoryStream();
        profile.Save(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A committed fixture from <c>Fixtures/</c> (written by <c>make_onnx_fixtures.py</c>).</summary>
    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    /// <summary>A global analyzer config that gives additional files item metadata, as the generated editorconfig does.</summary>
    public static string Metadata(params (string Path, string Name, string Value)[] entries)
    {
        var config = new StringBuilder("is_global = true\n");
        foreach (IGrouping<string, (string Path, string Name, string Value)> file in entries.GroupBy(e => e.Path))
        {
            config.Append('[').Append(file.Key).Append("]\n");
            foreach ((string _, string name, string value) in file)
            {
                config.Append("build_metadata.AdditionalFiles.").Append(name).Append(" = ").Append(value).Append('\n');
            }
        }

        return config.ToString();
    }
}
