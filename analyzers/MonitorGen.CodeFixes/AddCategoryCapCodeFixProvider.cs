using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MonitorGen.Analyzers;
using MonitorGen.CodeFixes.Internal;
using MonitorGen.SourceRules;

namespace MonitorGen.CodeFixes;

/// <summary>MG0008: adds <c>MaxCategories = 100</c> (the fit options' default, so the fix keeps today's behaviour) to <c>[DriftTest]</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddCategoryCapCodeFixProvider))]
[Shared]
public sealed class AddCategoryCapCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of "Add MaxCategories".</summary>
    public const string AddCategoryCapKey = "MG0008.AddCategoryCap";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.MissingCategoryCap.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        async (context, document, diagnostics) => await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        string title = Resources.Format(
            Resources.CodeFixAddCategoryCap, AttributeArgumentRules.SuggestedMaxCategories.ToString(CultureInfo.InvariantCulture)).ToString();
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(title, cancellationToken => FixAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken), AddCategoryCapKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var attributes = new HashSet<AttributeSyntax>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (diagnostic.Location.IsInSource
                && root.FullSpan.Contains(diagnostic.Location.SourceSpan)
                && root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault() is { } attribute
                && !SyntaxHelpers.HasNamedArgument(attribute, MissingCategoryCapAnalyzer.MaxCategoriesArgument))
            {
                attributes.Add(attribute);
            }
        }

        if (attributes.Count == 0)
        {
            return document;
        }

        SyntaxNode newRoot = root.ReplaceNodes(attributes, (_, rewritten) =>
            SyntaxHelpers.AddNamedArgument(rewritten, MissingCategoryCapAnalyzer.MaxCategoriesArgument, AttributeArgumentRules.SuggestedMaxCategories));
        return document.WithSyntaxRoot(newRoot);
    }
}
