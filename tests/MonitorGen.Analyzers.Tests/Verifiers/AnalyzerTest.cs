using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MonitorGen.Analyzers.Tests.Verifiers;

/// <summary>An analyzer test with the local net10.0 references and MonitorGen.</summary>
public class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public AnalyzerTest(string source, bool strict = false)
    {
        TestCode = source;
        ReferenceAssemblies = TestReferences.ReferenceAssemblies;
        TestState.AdditionalReferences.AddRange(TestReferences.Additional);
        if (strict)
        {
            TestState.AnalyzerConfigFiles.Add(("/.globalconfig", StrictConfig));
        }
    }

    /// <summary>A global config that sets <c>&lt;MonitorGenStrict&gt;true&lt;/MonitorGenStrict&gt;</c>.</summary>
    public const string StrictConfig = "is_global = true\nbuild_property.MonitorGenStrict = true\n";

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

    /// <summary>Runs the analyzer on <paramref name="source"/> and compares the diagnostics.</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<TAnalyzer>(source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>A diagnostic of the analyzer's only descriptor.</summary>
    public static DiagnosticResult Diagnostic() => new DiagnosticResult(new TAnalyzer().SupportedDiagnostics[0]);
}

/// <summary>Every MonitorGen analyzer at once, as in a real build.</summary>
public sealed class AllAnalyzersTest : AnalyzerTest<MissingMonitoringAttributeAnalyzer>
{
    public AllAnalyzersTest(string source, bool strict = false)
        : base(source, strict)
    {
    }

    public static ImmutableArray<DiagnosticAnalyzer> All { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(
        new MissingMonitoringAttributeAnalyzer(),
        new UnsupportedFeatureAttributeAnalyzer(),
        new MonitoredTypeMustBePartialAnalyzer(),
        new InvalidAttributeArgumentAnalyzer(),
        new ConflictingNotMonitoredAnalyzer(),
        new ReferenceProfileAnalyzer(),
        new OnnxInputAnalyzer());

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => All;

    public static new Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AllAnalyzersTest(source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}

/// <summary>A code-fix test with the local net10.0 references and MonitorGen.</summary>
public sealed class CodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
{
    public CodeFixTest(string source, string fixedSource, string? equivalenceKey = null)
    {
        TestCode = source;
        FixedCode = fixedSource;
        CodeActionEquivalenceKey = equivalenceKey;
        ReferenceAssemblies = TestReferences.ReferenceAssemblies;
        TestState.AdditionalReferences.AddRange(TestReferences.Additional);
    }

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);
}
