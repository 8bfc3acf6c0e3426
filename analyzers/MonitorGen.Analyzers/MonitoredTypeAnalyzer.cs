using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MonitorGen.Analyzers.Internal;

namespace MonitorGen.Analyzers;

/// <summary>
/// The shape every MonitorGen analyzer shares: no generated code, concurrent, and one call per <c>[Monitor]</c> type of a
/// compilation that references MonitorGen, with the attribute symbols and the strict-mode switch resolved once.
/// </summary>
public abstract class MonitoredTypeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            MonitorGenSymbols? symbols = MonitorGenSymbols.Create(start.Compilation);
            if (symbols is null)
            {
                return;
            }

            bool strict = StrictMode.IsEnabled(start.Options);
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    if (symbolContext.Symbol is INamedTypeSymbol type
                        && (symbols.FindMonitorAttribute(type) ?? (AlsoOnnxRecords ? symbols.FindOnnxRecordAttribute(type) : null)) is { } monitor)
                    {
                        Analyze(symbolContext, type, monitor, symbols, strict);
                    }
                },
                SymbolKind.NamedType);
        });
    }

    /// <summary>
    /// Whether <c>[OnnxRecord]</c> types are analyzed too (with that attribute as <c>monitor</c>): the rules about the
    /// declaration that the generator's ONNX mapping needs as much as the monitor does.
    /// </summary>
    private protected virtual bool AlsoOnnxRecords => false;

    /// <summary>Analyzes one <c>[Monitor]</c> type.</summary>
    private protected abstract void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData monitor, MonitorGenSymbols symbols, bool strict);
}
