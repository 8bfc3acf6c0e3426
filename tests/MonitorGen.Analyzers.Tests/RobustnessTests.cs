using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using MonitorGen.Analyzers.Tests.Verifiers;

namespace MonitorGen.Analyzers.Tests;

/// <summary>Malformed code: the analyzers report what they can and never throw (no AD0001).</summary>
public sealed class RobustnessTests
{
    public static IEnumerable<object[]> MalformedSources() => new[]
    {
        new object[] { "[Monitor] public partial class A { public double X { get; set; } }" },
        new object[] { "[Monitor(5)] public class A { [DriftTest] public double X { get; set; } }" },
        new object[] { "[Monitor(\"m\", Version = 3)] public partial class A { }" },
        new object[] { "[Monitor(\"m\")] public partial class A { [DriftTest((DriftMethod)99)] public double X { get; set; } }" },
        new object[] { "[Monitor(\"m\")] public partial class A { [DriftTest(\"x\")] public double X { get; set; } }" },
        new object[] { "[Monitor(\"m\")] public partial class A { [DriftTest(1, 2, 3)] public string X { get; set; } }" },
        new object[] { "[Monitor(\"m\")] public partial class A { [DriftTest(Threshold = \"x\")] public double X { get; set; } }" },
        new object[] { "[Monitor(\"m\")] public partial class A { [DriftTest(Nope = 1)] public double X { get; set; } }" },
        new object[] { "[Monitor(\"m\")] public partial class A { [DriftTest(Categorical = 1)] public double X { get; set; } [DriftTest(Categorical = \"x\")] public string? Y { get; set; } }" },
        new object[] { "[Monitor(\"m\")] public partial class A { [DriftTest(DriftMethod.Ks, Categorical = true, Categorical = false)] public double X { get; set; } [DriftTest(Categorical = true)] public System.DateTime Y { get; set; } }" },
        new object[] { "[Monitor(\"m\")] public partial class A { [DriftTest(DriftMethod.Nope)] public double X { get; set; } }" },
        new object[] { "[Monitor(\"m\")] public partial class A { [Expect(Min = \"a\", Max = null)] public double X { get; set; } }" },
        new object[] { "[Monitor(\"m\")] public partial class A { [KpiMetric] public double X { get; set; } }" },
        new object[] { "[Monitor(\"m\")] public partial class A { [KpiMetric(3)] public double X { get; set; } }" },
        new object[] { "[Monitor(\"m\")] public partial class A { [KpiMetric(new[] { \"a\" })] public double X { get; set; } }" },
        new object[] { "[Monitor(\"m\")] public partial class A { [DriftTest, DriftTest] public double X { get; set; } }" },
        new object[] { "[Monitor(\"m\")] public partial class A { [DriftTest] public Missing X { get; set; } [Expect(Min = 1)] public List<int> Y { get; set; } }" },
        new object[] { "[Monitor(\"m\")] public partial class A { [DriftTest] public double X { get; set } public double { get; } }" },
        new object[] { "[Monitor(\"m\")] public partial record A([DriftTest] double X, [DriftTest] double X);" },
        new object[] { "[Monitor(\"m\")] public partial record A(double);" },
        new object[] { "[Monitor(\"m\")] public partial record A([DriftTest(DriftMethod.Ks)] string X) { public string X { get; } = X; }" },
        new object[] { "[Monitor(\"m\")] public partial record A<T>([DriftTest] T X) where T : struct;" },
        new object[] { "[Monitor(\"m\")] public partial class A<T> { [DriftTest] public T? X { get; set; } [DriftTest] public System.Nullable<Missing> Y { get; set; } }" },
        new object[] { "[Monitor(\"m\")] public partial class A(double x) { public double X => x; }" },
        new object[] { "[Monitor(\"m\")] public partial struct A { [DriftTest] public double this[int i] => i; [DriftTest] public static double S { get; set; } }" },
        new object[] { "[Monitor(\"m\")] public partial interface I { double X { get; } }" },
        new object[] { "[Monitor(\"m\")] public enum E { A }" },
        new object[] { "[Monitor(\"m\")] public delegate void D();" },
        new object[] { "[Monitor(\"m\")][Monitor(\"n\")] public partial class A { }" },
        new object[] { "public class Outer<T> { [Monitor(\"m\")] public record Inner([DriftTest] T X) { } }" },
        new object[] { "[Monitor(\"m\")] public partial class A { [DriftTest] public double X { set { } } [DriftTest] public ref int Y => throw null!; }" },
        new object[] { "[Monitor(\"m\")] public partial class A { [DriftTest] double I.X { get; } } public interface I { double X { get; } }" },
        new object[] { "[Monitor(\"m\")] public partial class A { [NotMonitored(5)] [DriftTest] public double X { get; set; } }" },
        new object[] { "[Monitor(\"m\")] partial class" },
        new object[] { "[Monitor(\"m\")] public partial record A([DriftTest(Threshold = double.NaN, Threshold = 1)] double X);" },
        new object[] { "[Monitor(\"m\")] public partial record A([property: DriftTest(DriftMethod.Ks)][DriftTest(DriftMethod.Psi)] string X);" },
        new object[] { "[Monitor(\"m\")] public partial class A { [DriftTest((DriftMethod)long.MaxValue)] public double X { get; set; } }" },
        new object[] { "[Monitor(\"m\")] public partial class A { [DriftTest(default)] public double X { get; set; } [Expect(Min = default, Max = default)] public double Y { get; set; } }" },
        new object[] { "[Monitor(\"m\")] public partial class A { public required double X { get; init; } public double Y { get; set; } = 1; }" },
    };

    [Theory]
    [MemberData(nameof(MalformedSources))]
    public async Task Analyzers_never_throw(string body)
    {
        string source = "using MonitorGen;\nusing System;\n" + body + "\n";
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Malformed",
            new[]
            {
                CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Test0.cs"),
                CSharpSyntaxTree.ParseText("public partial class A { public int Other { get; set; } }", new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Test1.cs"),
            },
            TestReferences.Additional,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Add(analyzer.GetType().Name + ": " + exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(AllAnalyzersTest.All, options);
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.All(diagnostics, d => Assert.StartsWith("MG00", d.Id));
    }

    [Fact]
    public Task Monitor_without_a_model_name_is_still_a_monitored_type() => AllAnalyzersTest.VerifyAsync(
        """
        using MonitorGen;

        [{|CS7036:Monitor|}]
        public class {|MG0003:Input|}
        {
            public double {|MG0001:Age|} { get; set; }
        }
        """);

    [Fact]
    public Task DriftTest_with_a_string_argument_reports_only_the_compiler_error() => AllAnalyzersTest.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("m")]
        public partial class Input
        {
            [DriftTest({|CS1503:"x"|}, Threshold = -1)] public double Age { get; set; }
        }
        """);

    [Fact]
    public Task DriftTest_with_an_undefined_method_and_a_threshold() => AllAnalyzersTest.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("m")]
        public partial class Input
        {
            [DriftTest({|MG0002:(DriftMethod)99|}, {|MG0007:Threshold = -1|})] public double Age { get; set; }
            [DriftTest({|MG0002:(DriftMethod)99|}, Threshold = 7)] public double Income { get; set; }
        }
        """);

    [Fact]
    public Task Members_of_an_unresolved_type_get_no_type_diagnostics() => AllAnalyzersTest.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("m")]
        public partial class Input
        {
            [DriftTest(DriftMethod.Ks), KpiMetric("x")] public {|CS0246:Missing|} Value { get; set; }
            public {|CS0246:Missing|} {|MG0001:Other|} { get; set; }
        }
        """);

    [Fact]
    public Task Wrongly_typed_named_arguments_are_left_to_the_compiler() => AllAnalyzersTest.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("m", Version = {|CS0029:3|})]
        public partial class Input
        {
            [Expect(Min = {|CS0029:"a"|}, Max = 1)] public double Age { get; set; }
            [KpiMetric({|CS1503:3|})] public double Spend { get; set; }
        }
        """);

    [Fact]
    public Task Generic_nested_struct_split_across_files()
    {
        var test = new AllAnalyzersTest(string.Empty);
        test.TestState.Sources.Clear();
        test.TestState.Sources.Add(("/0/A.cs", """
            using MonitorGen;

            public partial class Outer<T>
            {
                [Monitor("m")]
                public partial struct {|MG0012:Inner|}
                {
                    [{|MG0008:DriftTest({|MG0002:DriftMethod.Ks|})|}] public string? Name { get; set; }
                }
            }
            """));
        test.TestState.Sources.Add(("/0/B.cs", """
            public partial class Outer<T>
            {
                public partial struct Inner
                {
                    public T {|MG0001:Value|} { get; set; }
                }
            }
            """));
        return test.RunAsync();
    }
}
