using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Verify = MonitorGen.Analyzers.Tests.Verifiers.AnalyzerTest<MonitorGen.Analyzers.NumericAttributeOnNonNumericMemberAnalyzer>;

namespace MonitorGen.Analyzers.Tests;

public sealed class MG0004NumericAttributeOnNonNumericMemberTests
{
    [Fact]
    public Task KpiMetric_and_Expect_on_non_numeric_members_are_reported_at_the_attribute() => Verify.VerifyAsync(
        """
        using System;
        using MonitorGen;

        public enum Plan { Free, Pro }

        [Monitor("churn")]
        public partial record Input([{|#0:KpiMetric("country")|}] string Country)
        {
            [{|#1:Expect(Min = 0)|}] public bool Churned { get; init; }
            [{|#2:KpiMetric("plan")|}] public Plan? Plan { get; init; }
            [{|#3:KpiMetric("when")|}] public DateTime When { get; init; }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage("[KpiMetric] on 'Country' needs a numeric member, but its type is 'string'"),
        Verify.Diagnostic().WithLocation(1).WithMessage("[Expect] on 'Churned' needs a numeric member, but its type is 'bool'"),
        Verify.Diagnostic().WithLocation(2).WithMessage("[KpiMetric] on 'Plan' needs a numeric member, but its type is 'Plan?'"),
        Verify.Diagnostic().WithLocation(3).WithMessage("[KpiMetric] on 'When' needs a numeric member, but its type is 'DateTime'"));

    [Fact]
    public Task Numeric_members_unresolved_types_and_unmonitored_types_are_not_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial record Input([property: KpiMetric("spend")] decimal Spend)
        {
            [KpiMetric("latency"), Expect(Min = 0)] public double? Latency { get; init; }
            [KpiMetric("count")] public long Count { get; init; }
            [Expect(Max = 3)] public byte Level { get; init; }
            [KpiMetric("x")] public {|CS0246:Missing|} Unknown { get; init; }
        }

        public class Plain
        {
            [KpiMetric("name")] public string? Name { get; set; }
        }
        """);

    [Fact]
    public void Descriptor_is_an_error_with_a_help_link()
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.NumericAttributeOnNonNumericMember;
        Assert.Equal("MG0004", descriptor.Id);
        Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        Assert.Equal("https://github.com/MonitorGen/MonitorGen/blob/main/docs/diagnostics/MG0004.md", descriptor.HelpLinkUri);
    }
}
