using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MonitorGen.Analyzers.Internal;
using MonitorGen.SourceRules;

namespace MonitorGen.Analyzers;

/// <summary>
/// MG0006: a model name or a feature name that breaks the OpenTelemetry instrument name syntax, a KPI name that is not
/// lower case and dot separated, or two KPIs of one model with the same name.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidTelemetryNameAnalyzer : MonitoredTypeAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.InvalidTelemetryName);

    private protected override void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData monitor, MonitorGenSymbols symbols, bool strict)
    {
        CancellationToken cancellationToken = context.CancellationToken;
        if (AttributeArguments.TryGetConstructorArgument(monitor, out TypedConstant modelName)
            && !TelemetryNameRules.IsInstrumentName(modelName.Value as string))
        {
            string? name = modelName.Value as string;
            LocalizableString reason = string.IsNullOrEmpty(name)
                ? Resources.Format(Resources.MG0006ReasonModelNameEmpty)
                : Resources.Format(Resources.MG0006ReasonModelName, name!);
            Report(context, AttributeLocations.OfConstructorArgument(monitor, type, cancellationToken),
                type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), reason, strict);
        }

        var kpiOwners = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (FeatureMember feature in FeatureMemberCollector.Collect(type, cancellationToken))
        {
            bool tagged = false;
            foreach (AttributeData attribute in feature.GetAttributes())
            {
                tagged |= symbols.IsDriftTest(attribute) || symbols.IsExpect(attribute);
                if (symbols.IsKpiMetric(attribute))
                {
                    AnalyzeKpiName(context, feature, attribute, kpiOwners, strict);
                }
            }

            // The feature name is the "feature" tag of what [DriftTest] and [Expect] record; a KPI is named by its metric.
            if (tagged && !TelemetryNameRules.IsInstrumentName(feature.Name))
            {
                Report(context, AttributeLocations.Of(feature.AnnotatedSymbol), feature.Name,
                    Resources.Format(Resources.MG0006ReasonFeatureName, feature.Name), strict);
            }
        }
    }

    private static void AnalyzeKpiName(
        SymbolAnalysisContext context, FeatureMember feature, AttributeData attribute, Dictionary<string, string> kpiOwners, bool strict)
    {
        if (!AttributeArguments.TryGetConstructorArgument(attribute, out TypedConstant argument))
        {
            return;
        }

        string? name = argument.Value as string;
        LocalizableString? reason;
        if (string.IsNullOrEmpty(name))
        {
            reason = Resources.Format(Resources.MG0006ReasonKpiNameEmpty);
        }
        else if (!TelemetryNameRules.IsKpiName(name))
        {
            reason = Resources.Format(Resources.MG0006ReasonKpiName, name!);
        }
        else if (kpiOwners.TryGetValue(name!, out string? owner))
        {
            reason = Resources.Format(Resources.MG0006ReasonKpiNameDuplicate, name!, owner);
        }
        else
        {
            kpiOwners.Add(name!, feature.Name);
            return;
        }

        Report(context, AttributeLocations.OfConstructorArgument(attribute, feature.AnnotatedSymbol, context.CancellationToken), feature.Name, reason, strict);
    }

    private static void Report(SymbolAnalysisContext context, Location location, string name, LocalizableString reason, bool strict) =>
        context.ReportDiagnostic(StrictMode.Create(DiagnosticDescriptors.InvalidTelemetryName, location, strict, properties: null, name, reason));
}
