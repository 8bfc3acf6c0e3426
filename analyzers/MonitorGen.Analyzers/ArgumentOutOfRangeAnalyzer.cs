using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MonitorGen.Analyzers.Internal;
using MonitorGen.Kpis;
using MonitorGen.SourceRules;

namespace MonitorGen.Analyzers;

/// <summary>
/// MG0007: a threshold that is not finite, outside (0, 1) for a p-value method or not above 0 for a distance; a category cap
/// below 1 or on a numeric feature; an <c>[Expect]</c> range with NaN or Min above Max; <c>[KpiMetric]</c> buckets that are
/// empty, not finite or not strictly increasing, an infinite target, or an undefined direction.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ArgumentOutOfRangeAnalyzer : MonitoredTypeAnalyzer
{
    private const string Threshold = "Threshold";
    private const string MaxCategories = "MaxCategories";
    private const string Min = "Min";
    private const string Max = "Max";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ArgumentOutOfRange);

    private protected override void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData monitor, MonitorGenSymbols symbols, bool strict)
    {
        foreach (FeatureMember feature in FeatureMemberCollector.Collect(type, context.CancellationToken))
        {
            foreach (AttributeData attribute in feature.GetAttributes())
            {
                if (symbols.IsDriftTest(attribute))
                {
                    AnalyzeThreshold(context, feature, attribute, strict);
                    AnalyzeMaxCategories(context, feature, attribute, strict);
                }
                else if (symbols.IsExpect(attribute))
                {
                    AnalyzeExpect(context, feature, attribute, strict);
                }
                else if (symbols.IsKpiMetric(attribute))
                {
                    AnalyzeKpi(context, feature, attribute, strict);
                }
            }
        }
    }

    private static void AnalyzeThreshold(SymbolAnalysisContext context, FeatureMember feature, AttributeData attribute, bool strict)
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
            ThresholdProblem.NotFinite => Resources.Format(Resources.MG0007ReasonThresholdNotFinite, AttributeArguments.Show(threshold)),
            ThresholdProblem.NotPositive => Resources.Format(Resources.MG0007ReasonThresholdNotPositive, AttributeArguments.Show(threshold)),
            ThresholdProblem.NotAProbability => Resources.Format(
                Resources.MG0007ReasonThresholdNotAProbability, DriftMethodRules.NameOf(rule) ?? string.Empty, AttributeArguments.Show(threshold)),
            _ => null,
        };

        if (reason is not null)
        {
            Report(context, AttributeLocations.OfNamedArgument(attribute, Threshold, feature.AnnotatedSymbol, context.CancellationToken), feature.Name, reason, strict);
        }
    }

    private static void AnalyzeMaxCategories(SymbolAnalysisContext context, FeatureMember feature, AttributeData attribute, bool strict)
    {
        if (!AttributeArguments.TryGetInt32(attribute, MaxCategories, out int cap))
        {
            return;
        }

        LocalizableString? reason = null;
        if (!AttributeArgumentRules.IsValidMaxCategories(cap))
        {
            reason = Resources.Format(Resources.MG0007ReasonMaxCategoriesBelowOne, cap.ToString(CultureInfo.InvariantCulture));
        }
        else if (feature.Type.TypeKind != TypeKind.Error
            && FeatureTypeClassifier.Classify(feature.Type, out _, out _) == MemberValueKind.Number
            && !FeatureTypeClassifier.IsCategoricalNumber(MemberValueKind.Number, attribute))
        {
            reason = Resources.Format(Resources.MG0007ReasonMaxCategoriesNotCategorical);
        }

        if (reason is not null)
        {
            Report(context, AttributeLocations.OfNamedArgument(attribute, MaxCategories, feature.AnnotatedSymbol, context.CancellationToken), feature.Name, reason, strict);
        }
    }

    private static void AnalyzeExpect(SymbolAnalysisContext context, FeatureMember feature, AttributeData attribute, bool strict)
    {
        bool hasMin = AttributeArguments.TryGetDouble(attribute, Min, out double min);
        bool hasMax = AttributeArguments.TryGetDouble(attribute, Max, out double max);
        bool nan = false;
        foreach ((string name, bool has, double value) in new[] { (Min, hasMin, min), (Max, hasMax, max) })
        {
            if (has && double.IsNaN(value))
            {
                nan = true;
                Report(context, AttributeLocations.OfNamedArgument(attribute, name, feature.AnnotatedSymbol, context.CancellationToken), feature.Name,
                    Resources.Format(Resources.MG0007ReasonExpectNaN, name), strict);
            }
        }

        if (!nan && hasMin && hasMax && !AttributeArgumentRules.IsValidRange(min, max))
        {
            Report(context, AttributeLocations.Of(attribute, feature.AnnotatedSymbol, context.CancellationToken), feature.Name,
                Resources.Format(Resources.MG0007ReasonExpectMinAboveMax, AttributeArguments.Show(min), AttributeArguments.Show(max)), strict);
        }
    }

    private static void AnalyzeKpi(SymbolAnalysisContext context, FeatureMember feature, AttributeData attribute, bool strict)
    {
        if (KpiArguments.TryGetBuckets(attribute, out double[]? buckets) && buckets is not null && !KpiRules.IsValidBuckets(buckets))
        {
            Report(context, AttributeLocations.OfNamedArgument(attribute, "Buckets", feature.AnnotatedSymbol, context.CancellationToken), feature.Name,
                Resources.Format(Resources.MG0007ReasonKpiBuckets), strict);
        }

        if (AttributeArguments.TryGetDouble(attribute, "Target", out double target) && !KpiRules.IsValidTarget(target))
        {
            Report(context, AttributeLocations.OfNamedArgument(attribute, "Target", feature.AnnotatedSymbol, context.CancellationToken), feature.Name,
                Resources.Format(Resources.MG0007ReasonKpiTarget), strict);
        }

        if (AttributeArguments.TryGetInt32(attribute, "Direction", out int direction) && !KpiRules.IsValidDirection(direction))
        {
            Report(context, AttributeLocations.OfNamedArgument(attribute, "Direction", feature.AnnotatedSymbol, context.CancellationToken), feature.Name,
                Resources.Format(Resources.MG0007ReasonKpiDirection, direction.ToString(CultureInfo.InvariantCulture)), strict);
        }
    }

    private static void Report(SymbolAnalysisContext context, Location location, string name, LocalizableString reason, bool strict) =>
        context.ReportDiagnostic(StrictMode.Create(DiagnosticDescriptors.ArgumentOutOfRange, location, strict, properties: null, name, reason));
}
