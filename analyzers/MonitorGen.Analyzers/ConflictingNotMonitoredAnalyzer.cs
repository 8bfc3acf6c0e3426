using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MonitorGen.Analyzers.Internal;
using MonitorGen.SourceRules;

namespace MonitorGen.Analyzers;

/// <summary>MG0011: a feature has both <c>[NotMonitored]</c> and <c>[DriftTest]</c>, <c>[KpiMetric]</c> or <c>[Expect]</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConflictingNotMonitoredAnalyzer : MonitoredTypeAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ConflictingNotMonitored);

    private protected override void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData monitor, MonitorGenSymbols symbols, bool strict)
    {
        foreach (FeatureMember feature in FeatureMemberCollector.Collect(type, context.CancellationToken))
        {
            AttributeData? notMonitored = null;
            bool monitored = false;
            foreach (AttributeData attribute in feature.GetAttributes())
            {
                if (symbols.IsNotMonitored(attribute))
                {
                    notMonitored ??= attribute;
                }
                else if (symbols.IsMonitoringAttribute(attribute))
                {
                    monitored = true;
                }
            }

            if (notMonitored is not null && monitored)
            {
                context.ReportDiagnostic(StrictMode.Create(
                    DiagnosticDescriptors.ConflictingNotMonitored,
                    AttributeLocations.Of(notMonitored, feature.AnnotatedSymbol, context.CancellationToken),
                    strict,
                    properties: null,
                    feature.Name));
            }
        }
    }
}
