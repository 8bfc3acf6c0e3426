using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Verify = MonitorGen.Analyzers.Tests.Verifiers.AnalyzerTest<MonitorGen.Analyzers.MonitoredTypeMustNotBeGenericAnalyzer>;

namespace MonitorGen.Analyzers.Tests;

public sealed class MG0012MonitoredTypeMustNotBeGenericTests
{
    [Fact]
    public Task Generic_monitored_types_and_types_nested_in_generic_types_are_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("a")] public partial record {|#0:A|}<T>(int X);
        public partial class Outer<T>
        {
            [Monitor("b")] public partial class {|#1:B|} { }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage("Monitored type 'A<T>' must not be generic, nor be nested in a generic type"),
        Verify.Diagnostic().WithLocation(1).WithArguments("Outer<T>.B"));

    [Fact]
    public Task Closed_types_and_unmonitored_generic_types_are_not_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("a")] public partial record A(int X);
        public partial class Box<T> { }
        public partial class Outer
        {
            [Monitor("b")] public partial class B { }
        }
        """);

    [Fact]
    public void Descriptor_is_an_error_with_a_help_link()
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.MonitoredTypeMustNotBeGeneric;
        Assert.Equal("MG0012", descriptor.Id);
        Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        Assert.Equal("https://github.com/MonitorGen/MonitorGen/blob/main/docs/diagnostics/MG0012.md", descriptor.HelpLinkUri);
    }
}
