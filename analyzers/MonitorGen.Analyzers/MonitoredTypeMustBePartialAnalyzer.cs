using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using MonitorGen.Analyzers.Internal;

namespace MonitorGen.Analyzers;

/// <summary>MG0003: a <c>[Monitor]</c> type, and every type that contains it, must be partial.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MonitoredTypeMustBePartialAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.MonitoredTypeMustBePartial);

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

    /// <summary>Whether any declaration of the type has the <c>partial</c> modifier (types without source count as partial).</summary>
    internal static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        ImmutableArray<SyntaxReference> references = type.DeclaringSyntaxReferences;
        if (references.IsEmpty)
        {
            return true;
        }

        foreach (SyntaxReference reference in references)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                && declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return true;
            }
        }

        return false;
    }

    private static void Analyze(SymbolAnalysisContext context, MonitorGenSymbols symbols)
    {
        if (context.Symbol is not INamedTypeSymbol type || symbols.FindMonitorAttribute(type) is null)
        {
            return;
        }

        bool report = !IsPartial(type, context.CancellationToken);
        for (INamedTypeSymbol? container = type.ContainingType; !report && container is not null; container = container.ContainingType)
        {
            report = !IsPartial(container, context.CancellationToken);
        }

        if (report)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.MonitoredTypeMustBePartial,
                AttributeLocations.Of(type),
                type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
        }
    }
}
