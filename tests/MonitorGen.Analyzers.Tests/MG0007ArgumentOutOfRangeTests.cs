using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Verify = MonitorGen.Analyzers.Tests.Verifiers.AnalyzerTest<MonitorGen.Analyzers.ArgumentOutOfRangeAnalyzer>;

namespace MonitorGen.Analyzers.Tests;

public sealed class MG0007ArgumentOutOfRangeTests
{
    [Fact]
    public Task Valid_arguments_are_not_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        public enum Plan { Free, Pro }

        [Monitor("churn")]
        public partial record Input(
            [DriftTest(Threshold = 0.05)] double A,
            [DriftTest(DriftMethod.Ks, Threshold = 0.01)] double B,
            [DriftTest(DriftMethod.Wasserstein, Threshold = 2.5)] double C,
            [DriftTest(DriftMethod.Psi, Threshold = 1e-9)] double D,
            [DriftTest(DriftMethod.Auto, Threshold = 3)] double E,
            [Expect(Min = 0, Max = 0)] double F,
            [Expect(Min = double.NegativeInfinity, Max = double.PositiveInfinity)] double G,
            [Expect(Min = 5)] double H,
            [DriftTest(MaxCategories = 1)] string I,
            [DriftTest(MaxCategories = 1000)] Plan J,
            [DriftTest(MaxCategories = 2)] bool K);
        """);

    [Fact]
    public Task Threshold_that_is_not_finite_is_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial class Input
        {
            [DriftTest({|#0:Threshold = double.NaN|})] public double A { get; set; }
            [DriftTest(DriftMethod.Psi, {|#1:Threshold = double.PositiveInfinity|})] public double B { get; set; }
            [DriftTest(DriftMethod.Ks, {|#2:Threshold = double.NegativeInfinity|})] public double C { get; set; }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage("Argument out of range on 'A': Threshold must be a finite number, but is NaN"),
        Verify.Diagnostic().WithLocation(1).WithMessage("Argument out of range on 'B': Threshold must be a finite number, but is Infinity"),
        Verify.Diagnostic().WithLocation(2).WithMessage("Argument out of range on 'C': Threshold must be a finite number, but is -Infinity"));

    [Theory]
    [InlineData("Psi", "0")]
    [InlineData("Wasserstein", "-0.1")]
    [InlineData("Hellinger", "-1E-300")]
    [InlineData("Auto", "0")]
    public Task Threshold_of_a_distance_must_be_positive(string method, string threshold) => Verify.VerifyAsync(
        $$"""
        using MonitorGen;

        [Monitor("churn")]
        public partial record Input([DriftTest(DriftMethod.{{method}}, {|#0:Threshold = {{threshold}}|})] double Age);
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage($"Argument out of range on 'Age': Threshold must be greater than 0, but is {threshold}"));

    [Theory]
    [InlineData("Ks", "0")]
    [InlineData("ChiSquare", "1")]
    [InlineData("Z", "1.5")]
    [InlineData("Tvd", "7")]
    [InlineData("EmpiricalMmd", "-0.5")]
    public Task Threshold_of_a_p_value_method_must_be_a_probability(string method, string threshold) => Verify.VerifyAsync(
        $$"""
        using MonitorGen;

        [Monitor("churn")]
        public partial record Input([DriftTest(DriftMethod.{{method}}, {|#0:Threshold = {{threshold}}|})] bool Churned);
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage(
            $"Argument out of range on 'Churned': DriftMethod.{method} yields a p-value, so Threshold must be greater than 0 and less than 1, but is {threshold}"));

    [Fact]
    public Task Category_cap_below_one_or_on_a_numeric_feature_is_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial record Input(
            [DriftTest({|#0:MaxCategories = 0|})] string Country,
            [DriftTest(DriftMethod.Psi, {|#1:MaxCategories = -5|})] bool Churned,
            [DriftTest({|#2:MaxCategories = 10|})] double Age,
            [DriftTest(Categorical = true, MaxCategories = 10)] double Rating);
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage("Argument out of range on 'Country': MaxCategories must be at least 1, but is 0"),
        Verify.Diagnostic().WithLocation(1).WithMessage("Argument out of range on 'Churned': MaxCategories must be at least 1, but is -5"),
        Verify.Diagnostic().WithLocation(2).WithMessage("Argument out of range on 'Age': MaxCategories caps the categories of a categorical feature, and this feature is numeric; mark it [DriftTest(Categorical = true)] if its values are categories"));

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
        Verify.Diagnostic().WithLocation(0).WithMessage("Argument out of range on 'A': [Expect] Min (5) is greater than Max (1)"),
        Verify.Diagnostic().WithLocation(1).WithMessage("Argument out of range on 'B': [Expect] Min must not be NaN"),
        Verify.Diagnostic().WithLocation(2).WithMessage("Argument out of range on 'C': [Expect] Max must not be NaN"),
        Verify.Diagnostic().WithLocation(3).WithMessage("Argument out of range on 'D': [Expect] Min (Infinity) is greater than Max (-Infinity)"));

    [Fact]
    public void Descriptor_is_an_error_with_a_help_link()
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.ArgumentOutOfRange;
        Assert.Equal("MG0007", descriptor.Id);
        Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        Assert.Equal("https://github.com/MonitorGen/MonitorGen/blob/main/docs/diagnostics/MG0007.md", descriptor.HelpLinkUri);
    }

    [Fact]
    public Task Valid_KPI_arguments_are_not_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("shop")]
        public partial class Output
        {
            [KpiMetric("shop.basket", Buckets = new[] { 1.0, 2, 5, 10 }, Target = 3, Direction = KpiDirection.HigherIsBetter)] public double A { get; set; }
            [KpiMetric("shop.latency", Buckets = new double[] { -1 }, Target = double.NaN, Direction = KpiDirection.LowerIsBetter)] public double B { get; set; }
            [KpiMetric("shop.plain")] public double C { get; set; }
        }
        """);

    [Fact]
    public Task KPI_buckets_that_are_empty_unordered_or_not_finite_an_infinite_target_and_an_undefined_direction_are_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("shop")]
        public partial class Output
        {
            [KpiMetric("shop.a", {|#0:Buckets = new double[0]|})] public double A { get; set; }
            [KpiMetric("shop.b", {|#1:Buckets = new[] { 1.0, 1.0 }|})] public double B { get; set; }
            [KpiMetric("shop.c", {|#2:Buckets = new[] { 0.0, double.PositiveInfinity }|})] public double C { get; set; }
            [KpiMetric("shop.d", {|#3:Target = double.NegativeInfinity|})] public double D { get; set; }
            [KpiMetric("shop.e", {|#4:Direction = (KpiDirection)5|})] public double E { get; set; }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage("Argument out of range on 'A': [KpiMetric] Buckets must hold at least one boundary, every one finite and strictly increasing"),
        Verify.Diagnostic().WithLocation(1).WithMessage("Argument out of range on 'B': [KpiMetric] Buckets must hold at least one boundary, every one finite and strictly increasing"),
        Verify.Diagnostic().WithLocation(2).WithMessage("Argument out of range on 'C': [KpiMetric] Buckets must hold at least one boundary, every one finite and strictly increasing"),
        Verify.Diagnostic().WithLocation(3).WithMessage("Argument out of range on 'D': [KpiMetric] Target must be finite (leave it unset for no target)"),
        Verify.Diagnostic().WithLocation(4).WithMessage("Argument out of range on 'E': [KpiMetric] Direction (5) is not a KpiDirection"));
}
