using System.Threading.Tasks;
using Verify = MonitorGen.Analyzers.Tests.Verifiers.AnalyzerTest<MonitorGen.Analyzers.MonitoredTypeMustNotBeGenericAnalyzer>;

namespace MonitorGen.Analyzers.Tests;

public sealed class MG0006MonitoredTypeMustNotBeGenericTests
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
}
