using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MonitorGen.Analyzers.Tests.Verifiers;
using Verify = MonitorGen.Analyzers.Tests.Verifiers.AnalyzerTest<MonitorGen.Analyzers.MissingMonitoringAttributeAnalyzer>;

namespace MonitorGen.Analyzers.Tests;

public sealed class MG0001MissingMonitoringAttributeTests
{
    [Fact]
    public Task Property_without_attribute_is_reported_at_its_identifier() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial class Input
        {
            public double {|#0:Age|} { get; set; }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Age", "Input")
            .WithMessage("Feature 'Age' of monitored type 'Input' is not monitored").WithSeverity(DiagnosticSeverity.Warning));

    [Fact]
    public Task Every_monitoring_attribute_and_NotMonitored_count() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("churn", Version = "1")]
        public partial record Input
        {
            [DriftTest] public double A { get; init; }
            [DriftTest(DriftMethod.Psi, Threshold = 0.2)] public double B { get; init; }
            [KpiMetric("latency", Unit = "s")] public double C { get; init; }
            [Expect(Min = 0, Max = 1)] public double D { get; init; }
            [NotMonitored("an id")] public string? E { get; init; }
            [NotMonitored] public System.DateTime F { get; init; }
        }
        """);

    [Fact]
    public Task Positional_parameter_is_reported_at_the_parameter_identifier() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial record Input(double {|#0:Age|}, [DriftTest] string Plan, [property: KpiMetric("spend")] decimal Spend, [NotMonitored] int Id);
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Age", "Input"));

    [Fact]
    public Task Record_struct_struct_and_class_are_analyzed() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("a")]
        public partial record struct A(int {|#0:X|});

        [Monitor("b")]
        public partial struct B
        {
            public bool {|#1:Flag|} { get; set; }
        }

        [Monitor("c")]
        public partial class C
        {
            public string {|#2:Name|} { get; set; } = "";
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("X", "A"),
        Verify.Diagnostic().WithLocation(1).WithArguments("Flag", "B"),
        Verify.Diagnostic().WithLocation(2).WithArguments("Name", "C"));

    [Fact]
    public Task Static_non_public_indexer_and_compiler_generated_members_are_skipped() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial record Input
        {
            public static double Shared { get; set; }
            internal double Internal { get; set; }
            protected double Protected { get; set; }
            private double Private { get; set; }
            public double this[int i] => i;
            public double Field;
            public double Method() => 0;
        }
        """);

    [Fact]
    public Task Unmonitored_type_is_not_analyzed() => Verify.VerifyAsync(
        """
        public record Input(double Age)
        {
            public double Other { get; set; }
        }
        """);

    [Fact]
    public Task Property_declared_in_the_body_of_a_positional_record_uses_its_own_attributes() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial record Input(double Age)
        {
            public double {|#0:Age|} { get; init; } = Age;
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Age", "Input"));

    [Fact]
    public Task Nested_and_generic_types_are_named_with_their_container() => Verify.VerifyAsync(
        """
        using MonitorGen;

        public static partial class Models
        {
            [Monitor("churn")]
            public partial record Input<T>(T {|#0:Value|});
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Value", "Models.Input<T>"));

    [Fact]
    public async Task Partial_declarations_across_files_are_analyzed_once()
    {
        var test = new Verify(string.Empty);
        test.TestState.Sources.Clear();
        test.TestState.Sources.Add(("/0/A.cs", """
            using MonitorGen;

            [Monitor("churn")]
            public partial class Input
            {
                [DriftTest] public double Age { get; set; }
            }
            """));
        test.TestState.Sources.Add(("/0/B.cs", """
            public partial class Input
            {
                public double {|#0:Income|} { get; set; }
            }
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("Income", "Input"));
        await test.RunAsync();
    }

    [Fact]
    public void Descriptor_is_a_warning_with_a_help_link()
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.MissingMonitoringAttribute;
        Assert.Equal("MG0001", descriptor.Id);
        Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        Assert.Equal("MonitorGen", descriptor.Category);
        Assert.Equal("https://github.com/MonitorGen/MonitorGen/blob/main/docs/diagnostics/MG0001.md", descriptor.HelpLinkUri);
    }
}
