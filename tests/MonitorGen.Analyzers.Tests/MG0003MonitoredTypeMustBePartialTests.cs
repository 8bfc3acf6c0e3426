using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MonitorGen.Analyzers.Tests.Verifiers;
using MonitorGen.CodeFixes;
using Verify = MonitorGen.Analyzers.Tests.Verifiers.AnalyzerTest<MonitorGen.Analyzers.MonitoredTypeMustBePartialAnalyzer>;
using FixTest = MonitorGen.Analyzers.Tests.Verifiers.CodeFixTest<MonitorGen.Analyzers.MonitoredTypeMustBePartialAnalyzer, MonitorGen.CodeFixes.MakeTypePartialCodeFixProvider>;

namespace MonitorGen.Analyzers.Tests;

public sealed class MG0003MonitoredTypeMustBePartialTests
{
    [Fact]
    public Task Non_partial_types_are_reported_at_their_identifier() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("a")] public class {|#0:A|} { }
        [Monitor("b")] public record {|#1:B|}(double X);
        [Monitor("c")] public struct {|#2:C|} { }
        [Monitor("d")] public readonly record struct {|#3:D|}(int X);
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage("Type 'A' must be partial: the generator adds members to it"),
        Verify.Diagnostic().WithLocation(1).WithArguments("B"),
        Verify.Diagnostic().WithLocation(2).WithArguments("C"),
        Verify.Diagnostic().WithLocation(3).WithArguments("D"));

    [Fact]
    public Task Partial_types_and_unmonitored_types_are_not_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("a")] public partial class A { }
        public partial class A { }
        [Monitor("b")] internal sealed partial record B(double X);
        public class NotMonitored { }
        public static partial class Outer
        {
            public partial class Middle
            {
                [Monitor("c")] public partial record struct C(int X);
            }
        }
        """);

    [Fact]
    public Task Onnx_records_must_be_partial_too() => Verify.VerifyAsync(
        """
        namespace MonitorGen
        {
            // As MonitorGen.OnnxRuntime declares it: the analyzer finds it by metadata name.
            [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Struct)]
            public sealed class OnnxRecordAttribute : System.Attribute { }
        }

        namespace Demo
        {
            [MonitorGen.OnnxRecord] public sealed class {|#0:Scores|} { public float Label { get; set; } }
            [MonitorGen.OnnxRecord] public sealed partial class Fine { public float Label { get; set; } }
            public class Outer
            {
                [MonitorGen.OnnxRecord] public partial record {|#1:Inner|}(float X);
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage("Type 'Scores' must be partial: the generator adds members to it"),
        Verify.Diagnostic().WithLocation(1).WithArguments("Outer.Inner"));

    [Fact]
    public Task Partial_type_in_a_non_partial_container_is_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        public static class Outer
        {
            [Monitor("c")] public partial record {|#0:Inner|}(double X);
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Outer.Inner"));

    [Fact]
    public Task Code_fix_adds_partial_after_the_other_modifiers() => new FixTest(
        """
        using MonitorGen;

        [Monitor("a")]
        public sealed class {|MG0003:A|}
        {
        }

        [Monitor("b")]
        record {|MG0003:B|}(double X);

        [Monitor("c")] public readonly record struct {|MG0003:C|}(int X);
        """,
        """
        using MonitorGen;

        [Monitor("a")]
        public sealed partial class A
        {
        }

        [Monitor("b")]
        partial record B(double X);

        [Monitor("c")] public readonly partial record struct C(int X);
        """,
        MakeTypePartialCodeFixProvider.MakePartialKey)
    {
        NumberOfIncrementalIterations = 3,
        NumberOfFixAllIterations = 1,
    }.RunAsync();

    [Fact]
    public Task Code_fix_makes_every_containing_type_partial_and_fix_all_shares_containers() => new FixTest(
        """
        using MonitorGen;

        namespace Models
        {
            public static class Outer
            {
                internal class Middle
                {
                    [Monitor("a")] public record {|MG0003:A|}(double X);
                    [Monitor("b")] public partial record {|MG0003:B|}(double X);
                }
            }
        }
        """,
        """
        using MonitorGen;

        namespace Models
        {
            public static partial class Outer
            {
                internal partial class Middle
                {
                    [Monitor("a")] public partial record A(double X);
                    [Monitor("b")] public partial record B(double X);
                }
            }
        }
        """)
    {
        NumberOfIncrementalIterations = 1,
        NumberOfFixAllIterations = 1,
    }.RunAsync();

    [Fact]
    public async Task Fix_all_in_project_and_solution_fixes_every_document()
    {
        var test = new FixTest(string.Empty, string.Empty, MakeTypePartialCodeFixProvider.MakePartialKey)
        {
            NumberOfIncrementalIterations = 3,
            NumberOfFixAllInDocumentIterations = 3,
            NumberOfFixAllInProjectIterations = 2,
            NumberOfFixAllIterations = 1,
        };
        test.TestState.Sources.Clear();
        test.TestState.Sources.Add(("/0/A.cs", "using MonitorGen;\n\n[Monitor(\"a\")]\npublic class {|MG0003:A|} { }\n"));
        test.TestState.Sources.Add(("/0/B.cs", "using MonitorGen;\n\n[Monitor(\"b\")]\npublic record {|MG0003:B|}(int X);\n"));
        test.FixedState.Sources.Clear();
        test.FixedState.Sources.Add(("/0/A.cs", "using MonitorGen;\n\n[Monitor(\"a\")]\npublic partial class A { }\n"));
        test.FixedState.Sources.Add(("/0/B.cs", "using MonitorGen;\n\n[Monitor(\"b\")]\npublic partial record B(int X);\n"));

        // A second project: Fix All in solution reaches it, Fix All in project does not.
        ProjectState other = new("Other", LanguageNames.CSharp, "/Other/", "cs");
        test.TestState.AdditionalProjects.Add(other.Name, other);
        other.AdditionalReferences.AddRange(TestReferences.Additional);
        other.Sources.Add(("/Other/C.cs", "using MonitorGen;\n\n[Monitor(\"c\")]\npublic struct {|MG0003:C|} { }\n"));
        ProjectState otherFixed = new("Other", LanguageNames.CSharp, "/Other/", "cs");
        test.FixedState.AdditionalProjects.Add(otherFixed.Name, otherFixed);
        otherFixed.AdditionalReferences.AddRange(TestReferences.Additional);
        otherFixed.Sources.Add(("/Other/C.cs", "using MonitorGen;\n\n[Monitor(\"c\")]\npublic partial struct C { }\n"));
        await test.RunAsync();
    }

    [Fact]
    public void Descriptor_is_an_error_with_a_help_link()
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.MonitoredTypeMustBePartial;
        Assert.Equal("MG0003", descriptor.Id);
        Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        Assert.Equal("https://github.com/MonitorGen/MonitorGen/blob/main/docs/diagnostics/MG0003.md", descriptor.HelpLinkUri);
    }
}
