using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MonitorGen.Analyzers.Internal;

namespace MonitorGen.Analyzers;

/// <summary>
/// The shape of MG0009 and MG0010: the compilation's schema files are read once, in the compilation-start action; a file
/// that cannot be read is reported on the file; each <c>[Monitor]</c> type with a usable model name is compared with the
/// files of its model. No generated code, concurrent.
/// </summary>
public abstract class SchemaFileAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The rule this analyzer reports.</summary>
    private protected abstract DiagnosticDescriptor Rule { get; }

    /// <summary>The resource of the "cannot be read" reason, with the problem as {0}.</summary>
    private protected abstract string CorruptReason { get; }

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

            ImmutableArray<SchemaFile> files = ReadFiles(start.Options, start.CancellationToken);
            if (files.IsEmpty)
            {
                return;
            }

            Compilation compilation = start.Compilation;
            var scope = new SchemaFileScope(
                files,
                symbols,
                StrictMode.Severity(Rule, StrictMode.IsEnabled(start.Options)),
                new Lazy<MonitoredTypeIndex>(() => MonitoredTypeIndex.Build(compilation, symbols, start.CancellationToken)));

            start.RegisterAdditionalFileAction(fileContext =>
            {
                foreach (SchemaFile file in files)
                {
                    if (file.File == fileContext.AdditionalFile && file.Error is { } error)
                    {
                        fileContext.ReportDiagnostic(Diagnostic.Create(
                            Rule, file.ProblemLocation(), scope.Severity, null, null, file.Name, Resources.Format(CorruptReason, error)));
                    }
                }
            });

            start.RegisterSymbolAction(
                symbolContext =>
                {
                    if (symbolContext.Symbol is INamedTypeSymbol type
                        && MonitoredTypeIndex.IsSchemaCandidate(type)
                        && symbols.FindMonitorAttribute(type) is { } monitor
                        && MonitoredTypeIndex.ModelName(monitor) is { } model)
                    {
                        Analyze(symbolContext, type, model, scope);
                    }
                },
                SymbolKind.NamedType);
        });
    }

    /// <summary>Reads the analyzer's files among the additional files.</summary>
    private protected abstract ImmutableArray<SchemaFile> ReadFiles(AnalyzerOptions options, CancellationToken cancellationToken);

    /// <summary>Compares one <c>[Monitor]</c> type of model <paramref name="model"/> with the files.</summary>
    private protected abstract void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, string model, SchemaFileScope scope);
}
