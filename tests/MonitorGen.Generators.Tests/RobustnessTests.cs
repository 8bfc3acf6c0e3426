using System.Linq;

namespace MonitorGen.Generators.Tests;

/// <summary>Whatever it is fed, the generator does not throw and what it emits compiles.</summary>
public sealed class RobustnessTests
{
    public static TheoryData<string, int> Malformed => new()
    {
        // Not partial: the analyzers report MG0003; the generator emits nothing.
        { "using MonitorGen; [Monitor(\"m\")] public record R { [DriftTest] public int X { get; init; } }", 0 },
        // Generic types are not supported yet.
        { "using MonitorGen; [Monitor(\"m\")] public partial record R<T> { [DriftTest] public int X { get; init; } }", 0 },
        // A non-partial containing type.
        { "using MonitorGen; public class O { [Monitor(\"m\")] public partial record R { [DriftTest] public int X { get; init; } } }", 0 },
        // Missing and wrong-typed attribute arguments.
        { "using MonitorGen; [Monitor] public partial record R { [DriftTest] public int X { get; init; } }", 0 },
        { "using MonitorGen; [Monitor(42)] public partial record R { [DriftTest] public int X { get; init; } }", 0 },
        { "using MonitorGen; [Monitor(\"\")] public partial record R { [DriftTest] public int X { get; init; } }", 0 },
        // Bad members are left out, the rest is emitted.
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [DriftTest((DriftMethod)99)] public int X { get; init; } [DriftTest] public int Y { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [DriftTest(\"ks\")] public int X { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [DriftTest(DriftMethod.Ks)] public string? X { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [DriftTest] public System.DateTime X { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [DriftTest(Threshold = double.NaN)] public int X { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [Expect(Min = 5, Max = 1)] public int X { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [KpiMetric(\"Bad Name\")] public int X { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [KpiMetric(\"ok\")] public string? X { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [KpiMetric(\"a\", Buckets = new[] { 2.0, 1.0 }, Target = double.PositiveInfinity, Direction = (KpiDirection)9)] public double X { get; init; } [KpiMetric(\"b\", Buckets = null)] public double Y { get; init; } [KpiMetric(\"c\", Buckets = new[] { \"x\" })] public double Z { get; init; } [KpiMetric(\"d\", Buckets = 1.0)] public double W { get; init; } }", 1 },
        // Half-typed code.
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [DriftTest] public Unknown X { get; init; } [DriftTest] public int Y { get", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial class C { [DriftTest] public int this[int i] => i; [DriftTest] public static int S { get; } }", 1 },
        // The rules: the generator leaves out what MG0002, MG0005, MG0006 and MG0007 report.
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [DriftTest(DriftMethod.ChiSquare)] public double X { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [DriftTest(DriftMethod.Z)] public int X { get; init; } [DriftTest(DriftMethod.FisherExact)] public string? Y { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [DriftTest(DriftMethod.Psi, Threshold = 0)] public double X { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [DriftTest(MaxCategories = 0)] public string? X { get; init; } [DriftTest(MaxCategories = 3)] public double Y { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [DriftTest(Categorical = 1)] public double X { get; init; } [DriftTest(Categorical = \"yes\")] public double Y { get; init; } [DriftTest(DriftMethod.Ks, Categorical = true)] public float Z { get; init; } [DriftTest(Categorical = true)] public System.DateTime W { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [DriftTest(Categorical = true, Categorical = false)] public double X { get; init; } [DriftTest(DriftMethod.ChiSquare, Categorical = default)] public double Y { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R([DriftTest] double _x, [KpiMetric(\"dup\")] double A, [KpiMetric(\"dup\")] double B);", 1 },
        { "using MonitorGen; [Monitor(\"churn model\")] public partial record R { [DriftTest] public int X { get; init; } }", 0 },
        // [Monitor] on what cannot hold rows, and members that cannot be referred to.
        { "using MonitorGen; [Monitor(\"m\")] public static partial class S { [DriftTest] public static int X { get; set; } }", 0 },
        { "using MonitorGen; [Monitor(\"m\")] public partial interface I { [DriftTest] int X { get; } }", 0 },
        { "using MonitorGen; [Monitor(\"m\")] public partial class C { [DriftTest] public int X { get; set; } [DriftTest] public double X { get; set; } [DriftTest] public bool Y { get; set; } }", 1 },
        // Members whose emitted identifiers would collide (CS0102, CS0128): two names that differ only in case, as features,
        // nullable features and KPIs, and a feature XKpi beside a KPI X.
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [DriftTest] public double Temp { get; init; } [DriftTest] public double temp { get; init; } [DriftTest] public double temp2 { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [DriftTest] public double? Temp { get; init; } [DriftTest] public int? temp { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [KpiMetric(\"a\")] public double? Score { get; init; } [KpiMetric(\"b\")] public double? score { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [DriftTest] public double XKpi { get; init; } [KpiMetric(\"x\")] public double X { get; init; } }", 1 },
        // An empty monitored type still gets a (trivial) monitor.
        { "using MonitorGen; [Monitor(\"m\")] public partial struct S { }", 1 },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void The_generator_never_throws_and_its_output_compiles(string source, int expectedFiles)
    {
        var (result, output) = GeneratorHarness.Run(source);

        Assert.Null(result.Exception);
        Assert.Equal(expectedFiles, result.GeneratedSources.Length);
        var generatedTrees = output.SyntaxTrees.Skip(1).ToArray();
        var errorsInGenerated = output.GetDiagnostics()
            .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error && generatedTrees.Contains(d.Location.SourceTree))
            .Select(d => d.ToString());
        Assert.Empty(errorsInGenerated);
    }

    /// <summary>The same corpus with MonitorGen.OnnxRuntime referenced: every monitor also gets an ONNX mapping that compiles.</summary>
    [Theory]
    [MemberData(nameof(Malformed))]
    public void With_onnx_the_generator_never_throws_and_its_mappings_compile(string source, int expectedFiles)
    {
        var (result, output) = GeneratorHarness.Run(onnx: true, source);

        Assert.Null(result.Exception);
        Assert.Equal(2 * expectedFiles, result.GeneratedSources.Length);
        AssertGeneratedCompiles(output);
    }

    public static TheoryData<string, int> MalformedOnnxRecords => new()
    {
        { "using MonitorGen; [OnnxRecord] public class NotPartial { public float X { get; set; } }", 0 },
        { "using MonitorGen; [OnnxRecord] public partial class Generic<T> { public T? X { get; set; } }", 0 },
        { "using MonitorGen; [OnnxRecord] public static partial class Static { public static float X { get; set; } }", 0 },
        { "using MonitorGen; [OnnxRecord] public partial record R { public Unknown X { get; init; } public float Y { get", 1 },
        { "using MonitorGen; [OnnxRecord] public partial class C { public float X { get; set; } public double X { get; set; } }", 1 },
        { "using MonitorGen; [OnnxRecord] public partial class C { public float this[int i] => i; public float Y { set { } } }", 1 },
        { "using MonitorGen; [OnnxRecord] public partial record R(Unknown A, float B);", 1 },
        { "using MonitorGen; [OnnxRecord, Monitor(\"m\")] public partial record Both { [DriftTest] public float X { get; init; } }", 2 },
        { "using MonitorGen; [OnnxRecord] public partial struct Empty { }", 1 },
        // A required member the mapping does not set: the output is refused at run time, and the reader must still compile.
        { "using MonitorGen; [OnnxRecord] public partial class Req { public required float A { get; init; } [OnnxIgnore] public required string B { get; init; } }", 1 },
    };

    [Theory]
    [MemberData(nameof(MalformedOnnxRecords))]
    public void Malformed_onnx_records_never_make_the_generator_throw(string source, int expectedFiles)
    {
        var (result, output) = GeneratorHarness.Run(onnx: true, source);

        Assert.Null(result.Exception);
        Assert.Equal(expectedFiles, result.GeneratedSources.Length);
        AssertGeneratedCompiles(output);
    }

    private static void AssertGeneratedCompiles(Microsoft.CodeAnalysis.Compilation output)
    {
        var generatedTrees = output.SyntaxTrees.Skip(1).ToArray();
        var errorsInGenerated = output.GetDiagnostics()
            .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error && generatedTrees.Contains(d.Location.SourceTree))
            .Select(d => d.ToString());
        Assert.True(!errorsInGenerated.Any(), string.Join("\n", errorsInGenerated));
    }

    [Theory]
    [InlineData("[DriftTest(DriftMethod.ChiSquare)] public double X { get; init; }", "X", false)]
    [InlineData("[DriftTest(DriftMethod.ChiSquare)] public long X { get; init; }", "X", true)]
    [InlineData("[DriftTest(DriftMethod.Z)] public int X { get; init; }", "X", false)]
    [InlineData("[DriftTest(DriftMethod.Z)] public bool X { get; init; }", "X", true)]
    [InlineData("[DriftTest(DriftMethod.Psi, Threshold = 0)] public double X { get; init; }", "X", false)]
    [InlineData("[DriftTest(MaxCategories = 0)] public string? X { get; init; }", "X", false)]
    [InlineData("[DriftTest] public double _x { get; init; }", "_x", false)]
    [InlineData("[DriftTest(DriftMethod.ChiSquare, Categorical = true)] public double X { get; init; }", "X", true)]
    [InlineData("[DriftTest(DriftMethod.ChiSquare, Categorical = false)] public double X { get; init; }", "X", false)]
    [InlineData("[DriftTest(DriftMethod.Ks, Categorical = true)] public double X { get; init; }", "X", false)]
    [InlineData("[DriftTest(Categorical = true, MaxCategories = 0)] public double? X { get; init; }", "X", false)]
    public void Features_the_analyzers_reject_are_left_out_and_the_others_are_kept(string member, string name, bool kept)
    {
        var (result, _) = GeneratorHarness.Run($"using MonitorGen; [Monitor(\"m\")] public partial record R {{ {member} [DriftTest] public int Kept {{ get; init; }} }}");

        string generated = result.GeneratedSources.Single().SourceText.ToString();
        Assert.Contains("Numerical(\"Kept\"", generated, System.StringComparison.Ordinal);
        Assert.Equal(kept, generated.Contains($"(\"{name}\"", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_first_of_two_KPIs_with_one_name_is_recorded_and_a_category_cap_is_emitted()
    {
        var (result, output) = GeneratorHarness.Run(
            "using MonitorGen; [Monitor(\"m\")] public partial record R([KpiMetric(\"dup\")] double A, [KpiMetric(\"dup\")] double B, [DriftTest(MaxCategories = 25)] string? C);");

        string generated = result.GeneratedSources.Single().SourceText.ToString();
        Assert.Contains("new(\"A\", \"dup\", null)", generated, System.StringComparison.Ordinal);
        Assert.DoesNotContain("new(\"B\", \"dup\"", generated, System.StringComparison.Ordinal);
        Assert.Contains("Categorical(\"C\", global::MonitorGen.DriftMethod.Auto, double.NaN).WithMaxCategories(25)", generated, System.StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    [Fact]
    public void A_type_the_parser_fails_on_gets_MG0013_naming_it_and_no_monitor()
    {
        // A redefined MonitorGen.MonitorAttribute wins over the referenced one (CS0436); its array argument has no Value.
        string source =
            "namespace MonitorGen { [System.AttributeUsage(System.AttributeTargets.Class)] public sealed class MonitorAttribute : System.Attribute { public MonitorAttribute(params string[] names) { } } }"
            + " [MonitorGen.Monitor(\"a\", \"b\")] public partial record Reading { [MonitorGen.DriftTest] public double Value { get; init; } }";
        var (result, _) = GeneratorHarness.Run(source);

        Assert.Null(result.Exception);
        Assert.Empty(result.GeneratedSources);
        Microsoft.CodeAnalysis.Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("MG0013", diagnostic.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.StartsWith("MonitorGen could not generate a monitor for 'Reading': InvalidOperationException", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(source.IndexOf("Reading", System.StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        Assert.Equal("Reading".Length, diagnostic.Location.SourceSpan.Length);
    }
}
