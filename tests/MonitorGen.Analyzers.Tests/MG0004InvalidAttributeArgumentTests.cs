using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Verify = MonitorGen.Analyzers.Tests.Verifiers.AnalyzerTest<MonitorGen.Analyzers.InvalidAttributeArgumentAnalyzer>;

namespace MonitorGen.Analyzers.Tests;

public sealed class MG0004InvalidAttributeArgumentTests
{
    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    [InlineData("null")]
    [InlineData("null!")]
    public Task Empty_model_name_is_reported(string modelName) => Verify.VerifyAsync(
        $$"""
        using MonitorGen;

        [Monitor({|#0:{{modelName}}|})]
        public partial record Input([DriftTest] double Age);
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage("Invalid argument on 'Input': the model name must not be null, empty or white space"));

    [Fact]
    public Task Valid_arguments_are_not_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("churn-model v2", Version = "")]
        public partial record Input(
            [DriftTest(Threshold = 0.05)] double A,
            [DriftTest(DriftMethod.Ks, Threshold = 0.01)] double B,
            [DriftTest(DriftMethod.Wasserstein, Threshold = 2.5)] double C,
            [DriftTest(DriftMethod.Psi, Threshold = 0)] double D,
            [DriftTest(DriftMethod.Auto, Threshold = 3)] double E,
            [Expect(Min = 0, Max = 0)] double F,
            [Expect(Min = double.NegativeInfinity, Max = double.PositiveInfinity)] double G,
            [Expect(Min = 5)] double H,
            [KpiMetric("latency")] double I,
            [KpiMetric("order.total_value.v2", Unit = "{USD}")] double J,
            [KpiMetric("a_1.b")] double K);
        """);

    [Fact]
    public Task Threshold_that_is_not_finite_or_negative_is_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial class Input
        {
            [DriftTest({|#0:Threshold = double.NaN|})] public double A { get; set; }
            [DriftTest(DriftMethod.Psi, {|#1:Threshold = double.PositiveInfinity|})] public double B { get; set; }
            [DriftTest(DriftMethod.Psi, {|#2:Threshold = -0.1|})] public double C { get; set; }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage("Invalid argument on 'A': Threshold must be a finite number, but is NaN"),
        Verify.Diagnostic().WithLocation(1).WithMessage("Invalid argument on 'B': Threshold must be a finite number, but is Infinity"),
        Verify.Diagnostic().WithLocation(2).WithMessage("Invalid argument on 'C': Threshold must not be negative, but is -0.1"));

    [Theory]
    [InlineData("Ks", "0")]
    [InlineData("ChiSquare", "1")]
    [InlineData("Z", "1.5")]
    [InlineData("Tvd", "7")]
    [InlineData("EmpiricalMmd", "1")]
    public Task Threshold_of_a_p_value_method_must_be_a_probability(string method, string threshold) => Verify.VerifyAsync(
        $$"""
        using MonitorGen;

        [Monitor("churn")]
        public partial record Input([DriftTest(DriftMethod.{{method}}, {|#0:Threshold = {{threshold}}|})] bool Churned);
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage(
            $"Invalid argument on 'Churned': DriftMethod.{method} yields a p-value, so Threshold must be greater than 0 and less than 1, but is {threshold}"));

    [Fact]
    public Task Expect_with_NaN_or_Min_above_Max_is_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial class Input
        {
            [{|#0:Expect(Min = 5, Max = 1)|}] public double A { get; set; }
            [Expect({|#1:Min = double.NaN|})] public double B { get; set; }
            [Expect(Min = 0, {|#2:Max = double.NaN|})] public double C { get; set; }
            [{|#3:Expect(Max = double.NegativeInfinity, Min = double.PositiveInfinity)|}] public double D { get; set; }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage("Invalid argument on 'A': [Expect] Min (5) is greater than Max (1)"),
        Verify.Diagnostic().WithLocation(1).WithMessage("Invalid argument on 'B': [Expect] Min must not be NaN"),
        Verify.Diagnostic().WithLocation(2).WithMessage("Invalid argument on 'C': [Expect] Max must not be NaN"),
        Verify.Diagnostic().WithLocation(3).WithMessage("Invalid argument on 'D': [Expect] Min (Infinity) is greater than Max (-Infinity)"));

    [Theory]
    [InlineData("\"\"", "the KPI metric name must not be null or empty")]
    [InlineData("null", "the KPI metric name must not be null or empty")]
    [InlineData("\"Latency\"", "the KPI metric name 'Latency' must match ^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$ (lower case, dot separated)")]
    [InlineData("\"1st\"", "the KPI metric name '1st' must match ^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$ (lower case, dot separated)")]
    [InlineData("\"a..b\"", "the KPI metric name 'a..b' must match ^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$ (lower case, dot separated)")]
    [InlineData("\"a.\"", "the KPI metric name 'a.' must match ^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$ (lower case, dot separated)")]
    [InlineData("\"order-total\"", "the KPI metric name 'order-total' must match ^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$ (lower case, dot separated)")]
    [InlineData("\" \"", "the KPI metric name ' ' must match ^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$ (lower case, dot separated)")]
    public Task Malformed_KPI_metric_name_is_reported(string name, string reason) => Verify.VerifyAsync(
        $$"""
        using MonitorGen;

        [Monitor("churn")]
        public partial record Input([KpiMetric({|#0:{{name}}|})] double Spend);
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage("Invalid argument on 'Spend': " + reason));

    [Fact]
    public void Descriptor_is_an_error_with_a_help_link()
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.InvalidAttributeArgument;
        Assert.Equal("MG0004", descriptor.Id);
        Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        Assert.Equal("https://github.com/MonitorGen/MonitorGen/blob/main/docs/diagnostics/MG0004.md", descriptor.HelpLinkUri);
    }
}
