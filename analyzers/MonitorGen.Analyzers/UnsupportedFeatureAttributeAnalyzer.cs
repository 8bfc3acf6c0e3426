using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MonitorGen.Analyzers.Internal;
using MonitorGen.Generators.Shared;

namespace MonitorGen.Analyzers;

/// <summary>
/// MG0002: <c>[DriftTest]</c> on a type MonitorGen cannot observe, with a method that does not apply to the feature's kind or
/// with a value outside <c>DriftMethod</c>; <c>[KpiMetric]</c> or <c>[Expect]</c> on a non-numeric member.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnsupportedFeatureAttributeAnalyzer : MonitoredTypeAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnsupportedFeatureAttribute);

    private protected override void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData monitor, MonitorGenSymbols symbols, bool strict)
    {
        foreach (FeatureMember feature in FeatureMemberCollector.Collect(type, context.CancellationToken))
        {
            // A type that does not bind already has a compiler error; saying more about it is noise.
            if (feature.Type.TypeKind == TypeKind.Error)
            {
                continue;
            }

            FeatureValueKind kind = FeatureTypeClassifier.Classify(feature.Type, out ITypeSymbol valueType, out _);
            string typeName = feature.Type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
            foreach (AttributeData attribute in feature.GetAttributes())
            {
                if (symbols.IsDriftTest(attribute))
                {
                    AnalyzeDriftTest(context, feature, attribute, kind, valueType);
                }
                else if ((symbols.IsKpiMetric(attribute) || symbols.IsExpect(attribute)) && kind != FeatureValueKind.Numeric)
                {
                    Report(context, AttributeLocations.Of(attribute, feature.AnnotatedSymbol, context.CancellationToken), feature, attribute,
                        Resources.Format(Resources.MG0002ReasonNotNumeric, typeName));
                }
            }
        }
    }

    private static void AnalyzeDriftTest(
        SymbolAnalysisContext context, FeatureMember feature, AttributeData attribute, FeatureValueKind kind, ITypeSymbol valueType)
    {
        if (kind == FeatureValueKind.Unsupported)
        {
            Report(context, AttributeLocations.Of(attribute, feature.AnnotatedSymbol, context.CancellationToken), feature, attribute,
                Resources.Format(Resources.MG0002ReasonUnsupportedType, feature.Type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
            return;
        }

        if (!AttributeArguments.TryGetDriftMethod(attribute, out long method))
        {
            return;
        }

        Location argumentLocation = AttributeLocations.OfConstructorArgument(attribute, feature.AnnotatedSymbol, context.CancellationToken);
        if (!AttributeArguments.IsDefinedMethod(method))
        {
            Report(context, argumentLocation, feature, attribute,
                Resources.Format(Resources.MG0002ReasonMethodUndefined, method.ToString(CultureInfo.InvariantCulture)));
        }
        else if (!DriftMethodRules.AppliesTo((int)method, kind))
        {
            Report(context, argumentLocation, feature, attribute, Resources.Format(
                Resources.MG0002ReasonMethodNotApplicable,
                DriftMethodRules.NameOf((int)method) ?? string.Empty,
                AttributeArguments.KindName(kind),
                valueType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
        }
    }

    private static void Report(SymbolAnalysisContext context, Location location, FeatureMember feature, AttributeData attribute, LocalizableString reason)
    {
        string attributeName = attribute.AttributeClass?.Name ?? string.Empty;
        if (attributeName.EndsWith("Attribute", System.StringComparison.Ordinal))
        {
            attributeName = attributeName.Substring(0, attributeName.Length - "Attribute".Length);
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnsupportedFeatureAttribute, location, feature.Name, reason, attributeName));
    }
}
