using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MonitorGen.Analyzers.Internal;

namespace MonitorGen.Analyzers;

/// <summary>MG0006: a <c>[Monitor]</c> type, and every type that contains it, must not be generic.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MonitoredTypeMustNotBeGenericAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.MonitoredTypeMustNotBeGeneric);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            MonitorGenSymbols? symbols = MonitorGenSymbols.Create(start.Compilation);
            if (symbols is not null)
            {
                start.RegisterSymbolAction(context => Analyze(context, symbols), SymbolKind.NamedType);
            }
        });
    }

    private static void Analyze(SymbolAnalysisContext context, MonitorGenSymbols symbols)
    {
        if (context.Symbol is not INamedTypeSymbol type || symbols.FindMonitorAttribute(type) is null)
        {
            return;
        }

        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.MonitoredTypeMustNotBeGeneric,
                    AttributeLocations.Of(type),
                    type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
                return;
            }
        }
    }
}
