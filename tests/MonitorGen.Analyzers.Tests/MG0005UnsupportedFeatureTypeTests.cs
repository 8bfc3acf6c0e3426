using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Verify = MonitorGen.Analyzers.Tests.Verifiers.AnalyzerTest<MonitorGen.Analyzers.UnsupportedFeatureTypeAnalyzer>;

namespace MonitorGen.Analyzers.Tests;

public sealed class MG0005UnsupportedFeatureTypeTests
{
    private const string Supported =
        "the supported feature types are byte, sbyte, short, ushort, int, uint, long, ulong, float, double, decimal, bool, enums and string, or a Nullable<T> of those";

    [Fact]
    public Task DriftTest_on_unobservable_types_is_reported_at_the_attribute_naming_the_supported_types() => Verify.VerifyAsync(
        """
        using System;
        using MonitorGen;

        public sealed class Address { }

        [Monitor("churn")]
        public partial class Input
        {
            [{|#0:DriftTest|}] public DateTime When { get; set; }
            [{|#1:DriftTest|}] public object? Anything { get; set; }
            [{|#2:DriftTest(DriftMethod.Ks)|}] public Address? Home { get; set; }
            [{|#3:DriftTest|}] public int[]? Values { get; set; }
            [{|#4:DriftTest|}] public char Letter { get; set; }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage($"MonitorGen cannot observe 'When' of type 'DateTime'; {Supported}"),
        Verify.Diagnostic().WithLocation(1).WithMessage($"MonitorGen cannot observe 'Anything' of type 'object?'; {Supported}"),
        Verify.Diagnostic().WithLocation(2).WithMessage($"MonitorGen cannot observe 'Home' of type 'Address?'; {Supported}"),
        Verify.Diagnostic().WithLocation(3).WithMessage($"MonitorGen cannot observe 'Values' of type 'int[]?'; {Supported}"),
        Verify.Diagnostic().WithLocation(4).WithMessage($"MonitorGen cannot observe 'Letter' of type 'char'; {Supported}"));

    [Fact]
    public Task Supported_types_unresolved_types_and_unmonitored_members_are_not_reported() => Verify.VerifyAsync(
        """
        using System;
        using MonitorGen;

        public enum Plan { Free, Pro }

        [Monitor("churn")]
        public partial record Input(
            [DriftTest] byte A, [DriftTest] sbyte B, [DriftTest] short C, [DriftTest] ushort D, [DriftTest] int E, [DriftTest] uint F,
            [DriftTest] long G, [DriftTest] ulong H, [DriftTest] float I, [DriftTest] double J, [DriftTest] decimal K,
            [DriftTest] bool L, [DriftTest] Plan M, [DriftTest] string N, [DriftTest] int? O, [DriftTest] Plan? P,
            [NotMonitored] DateTime Q)
        {
            [DriftTest] public {|CS0246:Missing|} R { get; init; }
        }

        public class Plain
        {
            [DriftTest] public DateTime When { get; set; }
        }
        """);

    [Fact]
    public void Descriptor_is_an_error_with_a_help_link()
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.UnsupportedFeatureType;
        Assert.Equal("MG0005", descriptor.Id);
        Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        Assert.Equal("https://github.com/MonitorGen/MonitorGen/blob/main/docs/diagnostics/MG0005.md", descriptor.HelpLinkUri);
    }
}
