using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MonitorGen.Analyzers;
using MonitorGen.CodeFixes.Internal;
using MonitorGen.SourceRules;

namespace MonitorGen.CodeFixes;

/// <summary>MG0001: adds <c>[DriftTest]</c> or <c>[NotMonitored]</c> to an unmonitored feature.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddMonitoringAttributeCodeFixProvider))]
[Shared]
public sealed class AddMonitoringAttributeCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of "Add [DriftTest]".</summary>
    public const string AddDriftTestKey = "MG0001.AddDriftTest";

    /// <summary>The equivalence key of "Mark [NotMonitored]".</summary>
    public const string MarkNotMonitoredKey = "MG0001.MarkNotMonitored";

    private const string MonitorGenNamespace = "MonitorGen";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.MissingMonitoringAttribute.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        async (context, document, diagnostics) =>
            await FixAsync(document, diagnostics, context.CodeActionEquivalenceKey == AddDriftTestKey, context.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (CanAddDriftTest(diagnostic))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        Resources.Localizable(Resources.CodeFixAddDriftTest).ToString(),
                        cancellationToken => FixAsync(context.Document, ImmutableArray.Create(diagnostic), driftTest: true, cancellationToken),
                        AddDriftTestKey),
                    diagnostic);
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    Resources.Localizable(Resources.CodeFixMarkNotMonitored).ToString(),
                    cancellationToken => FixAsync(context.Document, ImmutableArray.Create(diagnostic), driftTest: false, cancellationToken),
                    MarkNotMonitoredKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    /// <summary>[DriftTest] is only offered where MonitorGen can observe the type (otherwise it would be MG0005).</summary>
    private static bool CanAddDriftTest(Diagnostic diagnostic) => !IsKind(diagnostic, MemberValueKind.Unsupported);

    private static bool IsKind(Diagnostic diagnostic, MemberValueKind kind) =>
        diagnostic.Properties.TryGetValue(MissingMonitoringAttributeAnalyzer.FeatureKindProperty, out string? value) && value == kind.ToString();

    /// <summary>The attribute to add; a string feature gets its category cap at once, so that the fix does not cause MG0008.</summary>
    private static AttributeSyntax CreateAttribute(string name, bool capCategories)
    {
        AttributeSyntax attribute = SyntaxFactory.Attribute(SyntaxFactory.ParseName(name));
        return capCategories
            ? SyntaxHelpers.AddNamedArgument(attribute, MissingCategoryCapAnalyzer.MaxCategoriesArgument, AttributeArgumentRules.SuggestedMaxCategories)
            : attribute;
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, bool driftTest, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        string shortName = driftTest ? "DriftTest" : "NotMonitored";
        INamedTypeSymbol? attributeType = model.Compilation.GetTypeByMetadataName(
            driftTest ? KnownTypeNames.DriftTestAttribute : KnownTypeNames.NotMonitoredAttribute);

        var names = new Dictionary<SyntaxNode, string>();
        var stringFeatures = new HashSet<SyntaxNode>();
        bool addUsing = false;
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (driftTest && !CanAddDriftTest(diagnostic))
            {
                continue;
            }

            SyntaxNode? target = FindTarget(root, diagnostic);
            if (target is null || names.ContainsKey(target))
            {
                continue;
            }

            if (IsKind(diagnostic, MemberValueKind.String))
            {
                stringFeatures.Add(target);
            }

            switch (Bind(model, target.SpanStart, shortName, attributeType))
            {
                case Binding.Bound:
                    names.Add(target, shortName);
                    break;
                case Binding.Free:
                    names.Add(target, shortName);
                    addUsing = true;
                    break;
                default:
                    names.Add(target, "global::" + MonitorGenNamespace + "." + shortName);
                    break;
            }
        }

        if (names.Count == 0)
        {
            return document;
        }

        SyntaxTrivia endOfLine = SyntaxHelpers.EndOfLineOf(root);
        SyntaxNode newRoot = root.ReplaceNodes(names.Keys, (original, rewritten) =>
            SyntaxHelpers.AddAttribute(rewritten, CreateAttribute(names[original], driftTest && stringFeatures.Contains(original)), endOfLine));
        if (addUsing && newRoot is CompilationUnitSyntax unit)
        {
            newRoot = SyntaxHelpers.AddUsing(unit, MonitorGenNamespace, endOfLine);
        }

        return document.WithSyntaxRoot(newRoot);
    }

    private static SyntaxNode? FindTarget(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Location.IsInSource || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
        {
            return null;
        }

        SyntaxToken token = root.FindToken(diagnostic.Location.SourceSpan.Start);
        return token.Parent?.AncestorsAndSelf().FirstOrDefault(node => node is PropertyDeclarationSyntax or ParameterSyntax);
    }

    private enum Binding
    {
        /// <summary>The short name already binds to the attribute.</summary>
        Bound,
        /// <summary>Nothing of that name is in scope: a <c>using MonitorGen;</c> makes the short name bind.</summary>
        Free,
        /// <summary>Something else of that name is in scope: qualify.</summary>
        Taken,
    }

    private static Binding Bind(SemanticModel model, int position, string shortName, INamedTypeSymbol? attributeType)
    {
        ImmutableArray<ISymbol> full = model.LookupNamespacesAndTypes(position, name: shortName + "Attribute");
        ImmutableArray<ISymbol> bare = model.LookupNamespacesAndTypes(position, name: shortName);
        if (attributeType is not null && bare.IsEmpty && full.Length == 1 && SymbolEqualityComparer.Default.Equals(full[0], attributeType))
        {
            return Binding.Bound;
        }

        return full.IsEmpty && bare.IsEmpty ? Binding.Free : Binding.Taken;
    }
}
