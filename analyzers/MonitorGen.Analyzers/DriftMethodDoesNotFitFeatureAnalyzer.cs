using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MonitorGen.Analyzers.Internal;
using MonitorGen.SourceRules;

namespace MonitorGen.Analyzers;

/// <summary>
/// MG0002: the <c>[DriftTest]</c> method does not fit the feature: a value outside <c>DriftMethod</c>, a numerical-only test
/// on a categorical feature (a number marked <c>Categorical</c> is one), <c>ChiSquare</c> or <c>GTest</c> on a continuous one
/// that is not marked <c>Categorical</c>, <c>Z</c> or <c>FisherExact</c> on one
/// that is not binary.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DriftMethodDoesNotFitFeatureAnalyzer : MonitoredTypeAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DriftMethodDoesNotFitFeature);

    private protected override void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData monitor, MonitorGenSymbols symbols, bool strict)
    {
        foreach (FeatureMember feature in FeatureMemberCollector.Collect(type, context.CancellationToken))
        {
            // An unresolved type already has a compiler error, an unsupported one MG0005: the method is moot.
            MemberValueKind kind = FeatureTypeClassifier.Classify(feature.Type, out ITypeSymbol valueType, out _);
            if (feature.Type.TypeKind == TypeKind.Error || kind == MemberValueKind.Unsupported)
            {
                continue;
            }

            foreach (AttributeData attribute in feature.GetAttributes())
            {
                if (symbols.IsDriftTest(attribute) && AttributeArguments.TryGetDriftMethod(attribute, out long method))
                {
                    Analyze(context, feature, attribute, method, kind, valueType, strict);
                }
            }
        }
    }

    private static void Analyze(
        SymbolAnalysisContext context, FeatureMember feature, AttributeData attribute, long method, MemberValueKind kind, ITypeSymbol valueType, bool strict)
    {
        bool continuous = FeatureTypeClassifier.IsContinuous(valueType);
        bool binary = FeatureTypeClassifier.IsBinary(kind, valueType);
        bool categoricalNumber = FeatureTypeClassifier.IsCategoricalNumber(kind, attribute);
        string methodName = DriftMethodRules.NameOf(AttributeArguments.ToRuleValue(method)) ?? string.Empty;
        string typeName = valueType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        LocalizableString? reason = DriftMethodRules.Check(method, kind, continuous, binary, categoricalNumber) switch
        {
            MethodFit.Undefined => Resources.Format(Resources.MG0002ReasonMethodUndefined, method.ToString(CultureInfo.InvariantCulture)),
            MethodFit.NumericalOnly => Resources.Format(Resources.MG0002ReasonNumericalOnly, methodName, AttributeArguments.KindName(kind, categoricalNumber), typeName),
            MethodFit.NotForContinuous => Resources.Format(Resources.MG0002ReasonNotForContinuous, methodName, typeName),
            MethodFit.NeedsBinary => Resources.Format(Resources.MG0002ReasonNeedsBinary, methodName, typeName),
            _ => null,
        };

        if (reason is not null)
        {
            context.ReportDiagnostic(StrictMode.Create(
                DiagnosticDescriptors.DriftMethodDoesNotFitFeature,
                AttributeLocations.OfConstructorArgument(attribute, feature.AnnotatedSymbol, context.CancellationToken),
                strict,
                properties: null,
                feature.Name,
                reason));
        }
    }
}
