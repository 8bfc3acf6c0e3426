using Microsoft.CodeAnalysis.Testing;

namespace MonitorGen.Analyzers.Tests.Verifiers;

/// <summary>Fluent expectations for analyzer tests.</summary>
public static class AnalyzerTestExtensions
{
    public static TTest WithExpected<TTest>(this TTest test, params DiagnosticResult[] expected)
        where TTest : Microsoft.CodeAnalysis.Testing.AnalyzerTest<DefaultVerifier>
    {
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }
}
