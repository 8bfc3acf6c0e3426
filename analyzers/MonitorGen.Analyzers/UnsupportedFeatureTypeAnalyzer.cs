using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MonitorGen.Analyzers.Internal;
using MonitorGen.SourceRules;

namespace MonitorGen.Analyzers;

/// <summary>MG0005: <c>[DriftTest]</c> on a member whose type MonitorGen cannot observe; the message names the supported types.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnsupportedFeatureTypeAnalyzer : MonitoredTypeAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnsupportedFeatureType);

    private protected override void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData monitor, MonitorGenSymbols symbols, bool strict)
    {
        foreach (FeatureMember feature in FeatureMemberCollector.Collect(type, context.CancellationToken))
        {
            // A type that does not bind already has a compiler error; saying more about it is noise.
            if (feature.Type.TypeKind == TypeKind.Error
                || FeatureTypeClassifier.Classify(feature.Type, out _, out _) != MemberValueKind.Unsupported)
            {
                continue;
            }

            foreach (AttributeData attribute in feature.GetAttributes())
            {
                if (symbols.IsDriftTest(attribute))
                {
                    context.ReportDiagnostic(StrictMode.Create(
                        DiagnosticDescriptors.UnsupportedFeatureType,
                        AttributeLocations.Of(attribute, feature.AnnotatedSymbol, context.CancellationToken),
                        strict,
                        properties: null,
                        feature.Name,
                        feature.Type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
                }
            }
        }
    }
}
