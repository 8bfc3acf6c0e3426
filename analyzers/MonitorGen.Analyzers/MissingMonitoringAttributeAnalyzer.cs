using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MonitorGen.Analyzers.Internal;
using MonitorGen.SourceRules;

namespace MonitorGen.Analyzers;

/// <summary>
/// MG0001: every public instance property of a <c>[Monitor]</c> type, and every positional record parameter, needs
/// <c>[DriftTest]</c>, <c>[KpiMetric]</c>, <c>[Expect]</c> or <c>[NotMonitored]</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingMonitoringAttributeAnalyzer : MonitoredTypeAnalyzer
{
    /// <summary>The diagnostic property that carries the feature's <see cref="MemberValueKind"/>, for the code fix.</summary>
    public const string FeatureKindProperty = "FeatureKind";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.MissingMonitoringAttribute);

    private protected override void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData monitor, MonitorGenSymbols symbols, bool strict)
    {
        string typeName = type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        foreach (FeatureMember feature in FeatureMemberCollector.Collect(type, context.CancellationToken))
        {
            bool configured = false;
            foreach (AttributeData attribute in feature.GetAttributes())
            {
                if (symbols.IsMonitoringAttribute(attribute) || symbols.IsNotMonitored(attribute))
                {
                    configured = true;
                    break;
                }
            }

            if (configured)
            {
                continue;
            }

            MemberValueKind kind = FeatureTypeClassifier.Classify(feature.Type, out _, out _);
            context.ReportDiagnostic(StrictMode.Create(
                DiagnosticDescriptors.MissingMonitoringAttribute,
                AttributeLocations.Of(feature.AnnotatedSymbol),
                strict,
                properties: ImmutableDictionary<string, string?>.Empty.Add(FeatureKindProperty, kind.ToString()),
                feature.Name,
                typeName));
        }
    }
}
