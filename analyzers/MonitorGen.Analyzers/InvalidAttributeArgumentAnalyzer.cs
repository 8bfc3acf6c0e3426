using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MonitorGen.Analyzers.Internal;
using MonitorGen.Generators.Shared;

namespace MonitorGen.Analyzers;

/// <summary>
/// MG0004: malformed attribute arguments: an empty <c>[Monitor]</c> model name, a threshold that is not finite, negative or
/// (for p-value methods) outside (0, 1), an <c>[Expect]</c> range with NaN or Min above Max, a malformed KPI metric name.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidAttributeArgumentAnalyzer : MonitoredTypeAnalyzer
{
    private const string Threshold = "Threshold";
    private const string Min = "Min";
    private const string Max = "Max";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.InvalidAttributeArgument);

    private protected override void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData monitor, MonitorGenSymbols symbols, bool strict)
    {
        CancellationToken cancellationToken = context.CancellationToken;
        if (AttributeArguments.TryGetConstructorArgument(monitor, out TypedConstant modelName)
            && !AttributeArgumentRules.IsValidModelName(modelName.Value as string))
        {
            Report(context, AttributeLocations.OfConstructorArgument(monitor, type, cancellationToken),
                type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), Resources.Format(Resources.MG0004ReasonModelName));
        }

        foreach (FeatureMember feature in FeatureMemberCollector.Collect(type, cancellationToken))
        {
            foreach (AttributeData attribute in feature.GetAttributes())
            {
                if (symbols.IsDriftTest(attribute))
                {
                    AnalyzeDriftTest(context, feature, attribute);
                }
                else if (symbols.IsExpect(attribute))
                {
                    AnalyzeExpect(context, feature, attribute);
                }
                else if (symbols.IsKpiMetric(attribute))
                {
                    AnalyzeKpiMetric(context, feature, attribute);
                }
            }
        }
    }

    private static void AnalyzeDriftTest(SymbolAnalysisContext context, FeatureMember feature, AttributeData attribute)
    {
        if (!AttributeArguments.TryGetDouble(attribute, Threshold, out double threshold))
        {
            return;
        }

        // When the method did not bind, only the method-independent checks apply.
        if (!AttributeArguments.TryGetDriftMethod(attribute, out long method))
        {
            method = -1;
        }

        int rule = AttributeArguments.ToRuleValue(method);
        LocalizableString? reason = AttributeArgumentRules.CheckThreshold(rule, threshold) switch
        {
            ThresholdProblem.NotFinite => Resources.Format(Resources.MG0004ReasonThresholdNotFinite, AttributeArguments.Show(threshold)),
            ThresholdProblem.Negative => Resources.Format(Resources.MG0004ReasonThresholdNegative, AttributeArguments.Show(threshold)),
            ThresholdProblem.NotAProbability => Resources.Format(
                Resources.MG0004ReasonThresholdNotAProbability, DriftMethodRules.NameOf(rule) ?? string.Empty, AttributeArguments.Show(threshold)),
            _ => null,
        };

        if (reason is not null)
        {
            Report(context, AttributeLocations.OfNamedArgument(attribute, Threshold, feature.AnnotatedSymbol, context.CancellationToken), feature.Name, reason);
        }
    }

    private static void AnalyzeExpect(SymbolAnalysisContext context, FeatureMember feature, AttributeData attribute)
    {
        bool hasMin = AttributeArguments.TryGetDouble(attribute, Min, out double min);
        bool hasMax = AttributeArguments.TryGetDouble(attribute, Max, out double max);
        bool nan = false;
        if (hasMin && double.IsNaN(min))
        {
            nan = true;
            Report(context, AttributeLocations.OfNamedArgument(attribute, Min, feature.AnnotatedSymbol, context.CancellationToken), feature.Name,
                Resources.Format(Resources.MG0004ReasonExpectNaN, Min));
        }

        if (hasMax && double.IsNaN(max))
        {
            nan = true;
            Report(context, AttributeLocations.OfNamedArgument(attribute, Max, feature.AnnotatedSymbol, context.CancellationToken), feature.Name,
                Resources.Format(Resources.MG0004ReasonExpectNaN, Max));
        }

        if (!nan && hasMin && hasMax && !AttributeArgumentRules.IsValidRange(min, max))
        {
            Report(context, AttributeLocations.Of(attribute, feature.AnnotatedSymbol, context.CancellationToken), feature.Name,
                Resources.Format(Resources.MG0004ReasonExpectMinAboveMax, AttributeArguments.Show(min), AttributeArguments.Show(max)));
        }
    }

    private static void AnalyzeKpiMetric(SymbolAnalysisContext context, FeatureMember feature, AttributeData attribute)
    {
        if (!AttributeArguments.TryGetConstructorArgument(attribute, out TypedConstant argument))
        {
            return;
        }

        string? name = argument.Value as string;
        if (AttributeArgumentRules.IsValidKpiMetricName(name))
        {
            return;
        }

        LocalizableString reason = string.IsNullOrEmpty(name)
            ? Resources.Format(Resources.MG0004ReasonKpiNameEmpty)
            : Resources.Format(Resources.MG0004ReasonKpiNameInvalid, name!);
        Report(context, AttributeLocations.OfConstructorArgument(attribute, feature.AnnotatedSymbol, context.CancellationToken), feature.Name, reason);
    }

    private static void Report(SymbolAnalysisContext context, Location location, string name, LocalizableString reason) =>
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidAttributeArgument, location, name, reason));
}
