using System.Linq;

namespace MonitorGen.Generators.Tests;

/// <summary>Whatever it is fed, the generator does not throw and what it emits compiles.</summary>
public sealed class RobustnessTests
{
    public static TheoryData<string, int> Malformed => new()
    {
        // Not partial: the analyzers report MG0003; the generator emits nothing.
        { "using MonitorGen; [Monitor(\"m\")] public record R { [DriftTest] public int X { get; init; } }", 0 },
        // Generic types are not supported yet.
        { "using MonitorGen; [Monitor(\"m\")] public partial record R<T> { [DriftTest] public int X { get; init; } }", 0 },
        // A non-partial containing type.
        { "using MonitorGen; public class O { [Monitor(\"m\")] public partial record R { [DriftTest] public int X { get; init; } } }", 0 },
        // Missing and wrong-typed attribute arguments.
        { "using MonitorGen; [Monitor] public partial record R { [DriftTest] public int X { get; init; } }", 0 },
        { "using MonitorGen; [Monitor(42)] public partial record R { [DriftTest] public int X { get; init; } }", 0 },
        { "using MonitorGen; [Monitor(\"\")] public partial record R { [DriftTest] public int X { get; init; } }", 0 },
        // Bad members are left out, the rest is emitted.
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [DriftTest((DriftMethod)99)] public int X { get; init; } [DriftTest] public int Y { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [DriftTest(\"ks\")] public int X { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [DriftTest(DriftMethod.Ks)] public string? X { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [DriftTest] public System.DateTime X { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [DriftTest(Threshold = double.NaN)] public int X { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [Expect(Min = 5, Max = 1)] public int X { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [KpiMetric(\"Bad Name\")] public int X { get; init; } }", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [KpiMetric(\"ok\")] public string? X { get; init; } }", 1 },
        // Half-typed code.
        { "using MonitorGen; [Monitor(\"m\")] public partial record R { [DriftTest] public Unknown X { get; init; } [DriftTest] public int Y { get", 1 },
        { "using MonitorGen; [Monitor(\"m\")] public partial class C { [DriftTest] public int this[int i] => i; [DriftTest] public static int S { get; } }", 1 },
        // An empty monitored type still gets a (trivial) monitor.
        { "using MonitorGen; [Monitor(\"m\")] public partial struct S { }", 1 },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void The_generator_never_throws_and_its_output_compiles(string source, int expectedFiles)
    {
        var (result, output) = GeneratorHarness.Run(source);

        Assert.Null(result.Exception);
        Assert.Equal(expectedFiles, result.GeneratedSources.Length);
        var generatedTrees = output.SyntaxTrees.Skip(1).ToArray();
        var errorsInGenerated = output.GetDiagnostics()
            .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error && generatedTrees.Contains(d.Location.SourceTree))
            .Select(d => d.ToString());
        Assert.Empty(errorsInGenerated);
    }
}
