using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Verify = MonitorGen.Analyzers.Tests.Verifiers.AnalyzerTest<MonitorGen.Analyzers.ConflictingNotMonitoredAnalyzer>;

namespace MonitorGen.Analyzers.Tests;

public sealed class MG0011ConflictingNotMonitoredTests
{
    [Fact]
    public Task NotMonitored_with_a_monitoring_attribute_is_reported_at_NotMonitored() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial class Input
        {
            [{|#0:NotMonitored("pii")|}, DriftTest] public double A { get; set; }
            [KpiMetric("b"), {|#1:NotMonitored|}] public double B { get; set; }
            [Expect(Min = 0)]
            [{|#2:NotMonitored|}]
            public double C { get; set; }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage("'A' has both [NotMonitored] and a monitoring attribute").WithSeverity(DiagnosticSeverity.Warning),
        Verify.Diagnostic().WithLocation(1).WithArguments("B"),
        Verify.Diagnostic().WithLocation(2).WithArguments("C"));

    [Fact]
    public Task Positional_parameter_and_property_attributes_are_combined() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial record Input([{|#0:NotMonitored|}][property: DriftTest] double Age, [NotMonitored] string Id, [DriftTest] double Income);
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Age"));

    [Fact]
    public Task Unmonitored_type_is_not_analyzed() => Verify.VerifyAsync(
        """
        using MonitorGen;

        public class Input
        {
            [NotMonitored, DriftTest] public double A { get; set; }
        }
        """);

    [Fact]
    public void Descriptor_is_a_warning_with_a_help_link()
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.ConflictingNotMonitored;
        Assert.Equal("MG0011", descriptor.Id);
        Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        Assert.Equal("https://github.com/MonitorGen/MonitorGen/blob/main/docs/diagnostics/MG0011.md", descriptor.HelpLinkUri);
    }
}
