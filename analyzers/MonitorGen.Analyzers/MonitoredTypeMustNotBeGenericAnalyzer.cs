using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MonitorGen.Analyzers.Internal;

namespace MonitorGen.Analyzers;

/// <summary>MG0012: a <c>[Monitor]</c> type, and every type that contains it, must not be generic.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MonitoredTypeMustNotBeGenericAnalyzer : MonitoredTypeAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.MonitoredTypeMustNotBeGeneric);

    private protected override void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData monitor, MonitorGenSymbols symbols, bool strict)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType)
            {
                context.ReportDiagnostic(StrictMode.Create(
                    DiagnosticDescriptors.MonitoredTypeMustNotBeGeneric,
                    AttributeLocations.Of(type),
                    strict,
                    properties: null,
                    type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
                return;
            }
        }
    }
}
