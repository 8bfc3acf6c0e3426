using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MonitorGen.Analyzers.Internal;
using MonitorGen.SourceRules;

namespace MonitorGen.Analyzers;

/// <summary>
/// MG0008: <c>[DriftTest]</c> on a string feature, or on a number marked <c>Categorical</c>, without <c>MaxCategories</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingCategoryCapAnalyzer : MonitoredTypeAnalyzer
{
    /// <summary>The named argument that caps a categorical feature.</summary>
    public const string MaxCategoriesArgument = "MaxCategories";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.MissingCategoryCap);

    private protected override void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData monitor, MonitorGenSymbols symbols, bool strict)
    {
        foreach (FeatureMember feature in FeatureMemberCollector.Collect(type, context.CancellationToken))
        {
            MemberValueKind kind = FeatureTypeClassifier.Classify(feature.Type, out _, out _);
            if (kind is not (MemberValueKind.String or MemberValueKind.Number))
            {
                continue;
            }

            foreach (AttributeData attribute in feature.GetAttributes())
            {
                if (symbols.IsDriftTest(attribute) && AttributeArguments.IsBound(attribute) && !Sets(attribute, MaxCategoriesArgument)
                    && (kind == MemberValueKind.String || FeatureTypeClassifier.IsCategoricalNumber(kind, attribute)))
                {
                    context.ReportDiagnostic(StrictMode.Create(
                        DiagnosticDescriptors.MissingCategoryCap,
                        AttributeLocations.Of(attribute, feature.AnnotatedSymbol, context.CancellationToken),
                        strict,
                        properties: null,
                        feature.Name));
                }
            }
        }
    }

    // Present at all, even with a value that does not compile: the compiler's error is the one to fix then.
    private static bool Sets(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return true;
            }
        }

        return false;
    }
}
