using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using MonitorGen.Analyzers.Internal;

namespace MonitorGen.Analyzers;

/// <summary>MG0003: a <c>[Monitor]</c> or <c>[OnnxRecord]</c> type, and every type that contains it, must be partial.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MonitoredTypeMustBePartialAnalyzer : MonitoredTypeAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.MonitoredTypeMustBePartial);

    private protected override bool AlsoOnnxRecords => true;

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

    private protected override void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData monitor, MonitorGenSymbols symbols, bool strict)
    {
        bool report = !IsPartial(type, context.CancellationToken);
        for (INamedTypeSymbol? container = type.ContainingType; !report && container is not null; container = container.ContainingType)
        {
            report = !IsPartial(container, context.CancellationToken);
        }

        if (report)
        {
            context.ReportDiagnostic(StrictMode.Create(
                DiagnosticDescriptors.MonitoredTypeMustBePartial,
                AttributeLocations.Of(type),
                strict,
                properties: null,
                type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
        }
    }
}
