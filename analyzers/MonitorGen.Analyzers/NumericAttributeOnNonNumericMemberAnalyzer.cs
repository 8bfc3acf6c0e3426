using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MonitorGen.Analyzers.Internal;
using MonitorGen.SourceRules;

namespace MonitorGen.Analyzers;

/// <summary>MG0004: <c>[KpiMetric]</c> or <c>[Expect]</c> on a member that is not numeric.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NumericAttributeOnNonNumericMemberAnalyzer : MonitoredTypeAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.NumericAttributeOnNonNumericMember);

    private protected override void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData monitor, MonitorGenSymbols symbols, bool strict)
    {
        foreach (FeatureMember feature in FeatureMemberCollector.Collect(type, context.CancellationToken))
        {
            // A type that does not bind already has a compiler error; saying more about it is noise.
            if (feature.Type.TypeKind == TypeKind.Error
                || FeatureTypeClassifier.Classify(feature.Type, out _, out _) == MemberValueKind.Number)
            {
                continue;
            }

            foreach (AttributeData attribute in feature.GetAttributes())
            {
                if (symbols.IsKpiMetric(attribute) || symbols.IsExpect(attribute))
                {
                    context.ReportDiagnostic(StrictMode.Create(
                        DiagnosticDescriptors.NumericAttributeOnNonNumericMember,
                        AttributeLocations.Of(attribute, feature.AnnotatedSymbol, context.CancellationToken),
                        strict,
                        properties: null,
                        AttributeArguments.ShortName(attribute),
                        feature.Name,
                        feature.Type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
                }
            }
        }
    }
}
