using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Verify = MonitorGen.Analyzers.Tests.Verifiers.AnalyzerTest<MonitorGen.Analyzers.UnsupportedFeatureAttributeAnalyzer>;

namespace MonitorGen.Analyzers.Tests;

public sealed class MG0002UnsupportedFeatureAttributeTests
{
    [Fact]
    public Task DriftTest_on_unobservable_types_is_reported_at_the_attribute() => Verify.VerifyAsync(
        """
        using System;
        using MonitorGen;

        public sealed class Address { }

        [Monitor("churn")]
        public partial class Input
        {
            [{|#0:DriftTest|}] public DateTime When { get; set; }
            [{|#1:DriftTest|}] public object? Anything { get; set; }
            [{|#2:DriftTest|}] public Address? Home { get; set; }
            [{|#3:DriftTest|}] public int[]? Values { get; set; }
        }
        """,
        Verify.Diagnostic().WithLocation(0)
            .WithMessage("[DriftTest] on 'When': MonitorGen cannot observe a member of type 'DateTime'; use a numeric, bool, enum or string member, or mark it [NotMonitored]"),
        Verify.Diagnostic().WithLocation(1).WithMessage("[DriftTest] on 'Anything': MonitorGen cannot observe a member of type 'object?'; use a numeric, bool, enum or string member, or mark it [NotMonitored]"),
        Verify.Diagnostic().WithLocation(2).WithMessage("[DriftTest] on 'Home': MonitorGen cannot observe a member of type 'Address?'; use a numeric, bool, enum or string member, or mark it [NotMonitored]"),
        Verify.Diagnostic().WithLocation(3).WithMessage("[DriftTest] on 'Values': MonitorGen cannot observe a member of type 'int[]?'; use a numeric, bool, enum or string member, or mark it [NotMonitored]"));

    [Fact]
    public Task Numerical_only_method_on_categorical_features_is_reported_at_the_argument() => Verify.VerifyAsync(
        """
        using MonitorGen;

        public enum Plan { Free, Pro }

        [Monitor("churn")]
        public partial record Input([DriftTest({|#0:DriftMethod.Ks|})] string Country)
        {
            [DriftTest({|#1:DriftMethod.Wasserstein|})] public Plan Plan { get; init; }
            [DriftTest({|#2:DriftMethod.MannWhitney|}, Threshold = 0.05)] public bool? Churned { get; init; }
        }
        """,
        Verify.Diagnostic().WithLocation(0)
            .WithMessage("[DriftTest] on 'Country': DriftMethod.Ks tests numerical samples only and cannot test a feature of type 'string' (string)"),
        Verify.Diagnostic().WithLocation(1)
            .WithMessage("[DriftTest] on 'Plan': DriftMethod.Wasserstein tests numerical samples only and cannot test a feature of type 'Plan' (enum)"),
        Verify.Diagnostic().WithLocation(2)
            .WithMessage("[DriftTest] on 'Churned': DriftMethod.MannWhitney tests numerical samples only and cannot test a feature of type 'bool' (bool)"));

    [Fact]
    public Task Applicable_methods_are_not_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        public enum Plan { Free, Pro }

        [Monitor("churn")]
        public partial record Input(
            [DriftTest(DriftMethod.Ks)] double Age,
            [DriftTest(DriftMethod.ChiSquare)] int Visits,
            [DriftTest(DriftMethod.Psi)] Plan Plan,
            [DriftTest(DriftMethod.Z)] bool Churned,
            [DriftTest] string Country,
            [DriftTest(DriftMethod.JensenShannon)] decimal? Spend,
            [DriftTest(DriftMethod.EmpiricalMmd)] float Score);
        """);

    [Fact]
    public Task Method_outside_the_enum_is_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial class Input
        {
            [DriftTest({|#0:(DriftMethod)99|})] public double Age { get; set; }
            [DriftTest({|#1:(DriftMethod)(-1)|})] public double Income { get; set; }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage("[DriftTest] on 'Age': 99 is not a defined DriftMethod value"),
        Verify.Diagnostic().WithLocation(1).WithMessage("[DriftTest] on 'Income': -1 is not a defined DriftMethod value"));

    [Fact]
    public Task KpiMetric_and_Expect_on_non_numeric_members_are_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial record Input([{|#0:KpiMetric("country")|}] string Country)
        {
            [{|#1:Expect(Min = 0)|}] public bool Churned { get; init; }
            [KpiMetric("latency"), Expect(Min = 0)] public double? Latency { get; init; }
            [KpiMetric("count")] public long Count { get; init; }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage("[KpiMetric] on 'Country': the member's type 'string' is not numeric"),
        Verify.Diagnostic().WithLocation(1).WithMessage("[Expect] on 'Churned': the member's type 'bool' is not numeric"));

    [Fact]
    public Task Attributes_on_members_of_unmonitored_types_are_not_analyzed() => Verify.VerifyAsync(
        """
        using System;
        using MonitorGen;

        public class Input
        {
            [DriftTest(DriftMethod.Ks)] public string? Country { get; set; }
            [DriftTest] public DateTime When { get; set; }
        }
        """);

    [Fact]
    public void Descriptor_is_an_error_with_a_help_link()
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.UnsupportedFeatureAttribute;
        Assert.Equal("MG0002", descriptor.Id);
        Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        Assert.Equal("https://github.com/MonitorGen/MonitorGen/blob/main/docs/diagnostics/MG0002.md", descriptor.HelpLinkUri);
    }
}
