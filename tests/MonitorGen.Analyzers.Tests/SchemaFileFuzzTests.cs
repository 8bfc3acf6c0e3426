using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MonitorGen.Analyzers.Internal.Onnx;
using MonitorGen.Analyzers.Internal.Profiles;
using MonitorGen.Analyzers.Tests.Verifiers;

namespace MonitorGen.Analyzers.Tests;

/// <summary>
/// Thousands of random and mutated profiles and ONNX models, fed to the readers directly and a few hundred through the
/// analyzer driver: every file is either read or reported, and nothing throws (no AD0001). Fixed seeds, so a failure
/// reproduces.
/// </summary>
public sealed class SchemaFileFuzzTests
{
    private const int ReaderCases = 5000;
    private const int DriverCases = 300;

    private static readonly string ValidProfile = SchemaFiles.Profile("churn", "Shop.Input", "0123456789abcdef",
        ("Age", FeatureKind.Numerical), ("Plan", FeatureKind.Categorical), ("Visits", FeatureKind.Numerical));

    private static readonly byte[][] ValidModels =
    {
        SchemaFiles.Fixture("churn.onnx"),
        SchemaFiles.Fixture("wide.onnx"),
        new OnnxBuilder().Input("age", OnnxBuilder.Float, "N", 1L).Input("plan", OnnxBuilder.String, -1L, 1L).Initializer("w", 64).SequenceInput("s").Build(),
    };

    [Fact]
    public void Profile_reader_reads_or_reports_every_mutated_file()
    {
        var random = new Random(20261127);
        int read = 0, reported = 0;
        for (int i = 0; i < ReaderCases; i++)
        {
            string json = i % 10 == 0 ? RandomJsonish(random) : MutateText(ValidProfile, random);
            ProfileReadResult result = ProfileReader.Read(SourceText.From(json), CancellationToken.None);
            Assert.True((result.Document is null) != (result.Error is null), json);
            Assert.True(result.ErrorPosition <= json.Length);
            if (result.Document is null)
            {
                reported++;
            }
            else
            {
                read++;
            }
        }

        // Both outcomes occur: the mutations reach past the first syntax error into the profile's own checks.
        Assert.True(read > 50 && reported > 2000, $"read {read}, reported {reported}");
    }

    [Fact]
    public void Profile_reader_reports_pathological_documents()
    {
        string[] documents =
        {
            new string('[', 100_000),
            "{\"features\":" + string.Concat(Enumerable.Repeat("{\"a\":", 50_000)),
            "{\"modelName\":\"" + new string('x', 1_000_000) + "\",\"schemaHash\":\"h\"}",
            "{\"formatVersion\":1" + string.Concat(Enumerable.Repeat(",\"formatVersion\":99999999999999999999", 1000)) + "}",
            "{\"modelName\":\"\\uD800\\u12\"}",
            "{\"x\":1e999999999,\"y\":-0.0e-0,\"z\":01}",
            "\uFEFF{}",
        };
        foreach (string json in documents)
        {
            ProfileReadResult result = ProfileReader.Read(SourceText.From(json), CancellationToken.None);
            Assert.NotNull(result.Error);
        }
    }

    [Fact]
    public void Onnx_reader_reads_or_reports_every_mutated_model()
    {
        var random = new Random(1127);
        int read = 0, reported = 0;
        for (int i = 0; i < ReaderCases; i++)
        {
            byte[] bytes = i % 10 == 0 ? RandomBytes(random) : MutateBytes(ValidModels[i % ValidModels.Length], random);
            OnnxReadResult result = OnnxModelReader.Read(new ArrayByteSource(bytes), CancellationToken.None);
            if (result.Error is null)
            {
                read++;
                Assert.All(result.Inputs, input => Assert.True(input.Shape is null || input.Shape.Value.Length <= OnnxModelReader.MaxRank));
            }
            else
            {
                reported++;
                Assert.Empty(result.Inputs);
            }
        }

        Assert.True(read > 200 && reported > 1000, $"read {read}, reported {reported}");
    }

    [Fact]
    public void Onnx_reader_reports_huge_lengths_and_deep_messages()
    {
        var cases = new List<byte[]>
        {
            new byte[] { 0x08, 0x08, 0x3A, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, // a 2^64-1 byte graph
            new byte[] { 0x08, 0x08, 0x3A, 0x80, 0x80, 0x80, 0x80, 0x08 }, // a 2 GB graph in 8 bytes
            Enumerable.Repeat((byte)0x3A, 10_000).ToArray(),
            new byte[] { 0x08, 0x08, 0x3A, 0x04, 0x5A, 0x02, 0x12, 0x05 }, // an input whose type runs past the input
        };
        var deep = new List<byte> { 0x08, 0x08 };
        for (int i = 0; i < 2000; i++)
        {
            deep.AddRange(new byte[] { 0x3A, 0x02, 0x0A, 0x00 });
        }

        cases.Add(deep.ToArray());
        foreach (byte[] bytes in cases)
        {
            OnnxReadResult result = OnnxModelReader.Read(new ArrayByteSource(bytes), CancellationToken.None);
            Assert.True(result.Error is not null || result.Inputs.IsEmpty);
        }
    }

    [Fact]
    public void Base64_copies_with_mutated_text_are_read_or_reported()
    {
        var random = new Random(42);
        int reported = 0;
        for (int i = 0; i < ReaderCases / 5; i++)
        {
            string text = MutateText(Convert.ToBase64String(ValidModels[i % ValidModels.Length]), random);
            OnnxReadResult result = OnnxModelReader.Read(new Base64TextByteSource(SourceText.From(text)), CancellationToken.None);
            reported += result.Error is null ? 0 : 1;
        }

        Assert.True(reported > 100, $"reported {reported}");
    }

    [Fact]
    public async Task Analyzers_never_throw_on_mutated_files()
    {
        const string source = """
            using MonitorGen;

            namespace Shop;

            [Monitor("churn")]
            public partial record Input([DriftTest] float Age, [DriftTest] string? Plan, [Expect(Min = 0)] long Visits);

            [Monitor("churn")]
            public partial record Output([DriftTest] double Score);
            """;
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Fuzz",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Test0.cs") },
            TestReferences.Additional,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        ImmutableArray<DiagnosticAnalyzer> analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ReferenceProfileAnalyzer(), new OnnxInputAnalyzer());

        var random = new Random(7);
        var exceptions = new List<string>();
        int schemaDiagnostics = 0;
        for (int i = 0; i < DriverCases; i++)
        {
            var files = ImmutableArray.Create<AdditionalText>(
                new InMemoryAdditionalText("/0/churn.monitorprofile.json", MutateText(ValidProfile, random)),
                new InMemoryAdditionalText("/0/obj/churn.onnx.base64", Convert.ToBase64String(MutateBytes(ValidModels[i % ValidModels.Length], random))),
                new InMemoryAdditionalText("/0/obj/other.onnx.base64", MutateText(Convert.ToBase64String(ValidModels[0]), random)));
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(files),
                onAnalyzerException: (exception, analyzer, _) => exceptions.Add(analyzer.GetType().Name + ": " + exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.Empty(exceptions);
            Assert.All(diagnostics, d => Assert.Contains(d.Id, new[] { "MG0009", "MG0010" }));
            schemaDiagnostics += diagnostics.Length;
        }

        Assert.True(schemaDiagnostics > DriverCases, $"{schemaDiagnostics} diagnostics");
    }

    private static string MutateText(string text, Random random)
    {
        var builder = new StringBuilder(text);
        int mutations = 1 + random.Next(4);
        for (int m = 0; m < mutations && builder.Length > 0; m++)
        {
            int at = random.Next(builder.Length);
            switch (random.Next(8))
            {
                case 0: builder[at] = (char)random.Next(0x20, 0x7F); break;
                case 1: builder.Remove(at, Math.Min(builder.Length - at, 1 + random.Next(20))); break;
                case 2: builder.Insert(at, "\"{}[],:-0.e\\u".Substring(random.Next(13), 1)); break;
                case 3: builder.Length = at; break;
                case 4: builder.Insert(at, new string(random.Next(2) == 0 ? '[' : '{', 1 + random.Next(200))); break;
                case 5: builder.Insert(at, builder.ToString(random.Next(at + 1) / 2, Math.Min(40, builder.Length - at))); break;
                case 6: builder[at] = (char)random.Next(0, 0xFFFF); break;
                default: builder.Insert(at, "\"kind\":\"Categorical\","); break;
            }
        }

        return builder.ToString();
    }

    private static byte[] MutateBytes(byte[] bytes, Random random)
    {
        var list = new List<byte>(bytes);
        int mutations = 1 + random.Next(3);
        for (int m = 0; m < mutations && list.Count > 0; m++)
        {
            int at = random.Next(list.Count);
            switch (random.Next(7))
            {
                case 0: list[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: list[at] = (byte)random.Next(256); break;
                case 2: list.RemoveRange(at, Math.Min(list.Count - at, 1 + random.Next(8))); break;
                case 3: list.InsertRange(at, RandomBytes(random, 1 + random.Next(8))); break;
                case 4: list.RemoveRange(at, list.Count - at); break;
                case 5: list.InsertRange(at, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F }); break; // a huge length or number
                default: list.InsertRange(at, list.GetRange(at, Math.Min(16, list.Count - at))); break;
            }
        }

        return list.ToArray();
    }

    private static byte[] RandomBytes(Random random, int? length = null)
    {
        var bytes = new byte[length ?? random.Next(0, 300)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string RandomJsonish(Random random)
    {
        const string alphabet = "{}[]\":,0123456789.-eE truefalsnl\\uabc";
        var builder = new StringBuilder();
        int length = random.Next(0, 200);
        for (int i = 0; i < length; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
