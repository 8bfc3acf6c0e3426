using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MonitorGen.Analyzers.Tests.Verifiers;

namespace MonitorGen.Analyzers.Tests;

/// <summary><c>&lt;MonitorGenStrict&gt;true&lt;/MonitorGenStrict&gt;</c> reports every warning rule (MG0001, MG0008, MG0011) as an error.</summary>
public sealed class StrictModeTests
{
    private const string Source = """
        using System;
        using MonitorGen;

        [Monitor("churn")]
        public partial class Input
        {
            public double {|#0:Age|} { get; set; }
            [{|#1:NotMonitored|}, DriftTest] public double Income { get; set; }
            [{|#2:DriftTest|}] public DateTime When { get; set; }
            [{|#3:DriftTest|}] public string? Country { get; set; }
        }
        """;

    [Theory]
    [InlineData(null, DiagnosticSeverity.Warning)]
    [InlineData("is_global = true\nbuild_property.MonitorGenStrict = true\n", DiagnosticSeverity.Error)]
    [InlineData("is_global = true\nbuild_property.MonitorGenStrict = True\n", DiagnosticSeverity.Error)]
    [InlineData("is_global = true\nbuild_property.MonitorGenStrict = false\n", DiagnosticSeverity.Warning)]
    [InlineData("is_global = true\nbuild_property.MonitorGenStrict = \n", DiagnosticSeverity.Warning)]
    [InlineData("is_global = true\nbuild_property.MonitorGenStrict = yes please\n", DiagnosticSeverity.Warning)]
    public async Task Strict_mode_turns_warnings_into_errors(string? globalConfig, DiagnosticSeverity warningSeverity)
    {
        var test = new AllAnalyzersTest(Source);
        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", globalConfig));
        }

        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.MissingMonitoringAttribute).WithLocation(0).WithArguments("Age", "Input").WithSeverity(warningSeverity));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.ConflictingNotMonitored).WithLocation(1).WithArguments("Income").WithSeverity(warningSeverity));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.UnsupportedFeatureType).WithLocation(2).WithArguments("When", "DateTime")
            .WithSeverity(DiagnosticSeverity.Error));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.MissingCategoryCap).WithLocation(3).WithArguments("Country").WithSeverity(warningSeverity));
        await test.RunAsync();
    }

    [Fact]
    public async Task Editorconfig_severity_still_wins_over_strict_mode()
    {
        var test = new AllAnalyzersTest(
            """
            using MonitorGen;

            [Monitor("churn")]
            public partial class Input
            {
                public double Age { get; set; }
            }
            """,
            strict: true);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.MG0001.severity = none\n"));
        await test.RunAsync();
    }

    [Fact]
    public void Every_warning_rule_is_covered_by_this_test()
    {
        string[] warnings = AllAnalyzersTest.All.SelectMany(a => a.SupportedDiagnostics)
            .Where(d => d.DefaultSeverity == DiagnosticSeverity.Warning && d.Id is not ("MG0009" or "MG0010"))
            .Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "MG0001", "MG0008", "MG0011" }, warnings);
    }
}
