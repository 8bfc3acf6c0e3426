using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MonitorGen.Analyzers.Internal;
using MonitorGen.Generators.Shared;

namespace MonitorGen.Analyzers;

/// <summary>MG0005: a feature has both <c>[NotMonitored]</c> and <c>[DriftTest]</c>, <c>[KpiMetric]</c> or <c>[Expect]</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConflictingNotMonitoredAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ConflictingNotMonitored);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            MonitorGenSymbols? symbols = MonitorGenSymbols.Create(start.Compilation);
            if (symbols is null)
            {
                return;
            }

            DiagnosticSeverity severity = StrictMode.Severity(DiagnosticDescriptors.ConflictingNotMonitored, StrictMode.IsEnabled(start.Options));
            start.RegisterSymbolAction(context => Analyze(context, symbols, severity), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, MonitorGenSymbols symbols, DiagnosticSeverity severity)
    {
        if (context.Symbol is not INamedTypeSymbol type || symbols.FindMonitorAttribute(type) is null)
        {
            return;
        }

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
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.ConflictingNotMonitored,
                    AttributeLocations.Of(notMonitored, feature.AnnotatedSymbol, context.CancellationToken),
                    severity,
                    additionalLocations: null,
                    properties: null,
                    feature.Name));
            }
        }
    }
}
