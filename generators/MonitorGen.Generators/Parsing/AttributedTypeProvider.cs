using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using MonitorGen.Generators.Model;

namespace MonitorGen.Generators.Parsing;

/// <summary>
/// The type declarations that carry an attribute, parsed only when something they can bind to has changed.
/// </summary>
/// <remarks>
/// <c>ForAttributeWithMetadataName</c> re-runs its transform for every match on every new compilation, since any edit can
/// change what a declaration binds to; with 500 monitored records that is about 130 ms of binding after a one-line edit
/// anywhere. This provider decides from syntax instead: each declaration's <see cref="DeclarationKey"/> (its place and its
/// tree's declarations) and the <see cref="DeclarationEnvironment"/> (every tree's declarations, the options and the
/// references). The parse step's input pairs them with the compilation but is compared without it, so while both stay
/// equal the driver reuses the last parse; when either changes, the step runs on the current compilation and binds as
/// <c>ForAttributeWithMetadataName</c> would. An edit inside a method body, a comment or a private member of an
/// unrelated class leaves everything equal; any other edit re-parses every declaration.
/// </remarks>
internal static class AttributedTypeProvider
{
    /// <summary>The parses of the type declarations that carry the attribute <paramref name="metadataName"/>.</summary>
    /// <param name="context">The generator's context.</param>
    /// <param name="metadataName">The attribute's full metadata name, such as <c>MonitorGen.MonitorAttribute</c>.</param>
    /// <param name="parse">Reads one declaration; it must not throw.</param>
    /// <param name="skipped">The outcome of a declaration that turns out not to carry the attribute.</param>
    /// <param name="failed">The outcome of a declaration that could not be found or bound.</param>
    public static IncrementalValuesProvider<TOutcome> ForAttribute<TOutcome>(
        IncrementalGeneratorInitializationContext context,
        string metadataName,
        Func<AttributedType, CancellationToken, TOutcome> parse,
        TOutcome skipped,
        Func<ParseFailureModel, TOutcome> failed)
    {
        string simpleName = metadataName.Substring(metadataName.LastIndexOf('.') + 1);
        string shortName = simpleName.EndsWith("Attribute", StringComparison.Ordinal)
            ? simpleName.Substring(0, simpleName.Length - "Attribute".Length)
            : simpleName;

        IncrementalValueProvider<DeclarationEnvironment> environment = context.CompilationProvider
            .Select(static (compilation, cancellationToken) => (Trees: DeclarationFingerprints.Of(compilation, cancellationToken), compilation.Options))
            .Combine(context.ParseOptionsProvider)
            .Combine(context.MetadataReferencesProvider.Collect())
            .Select(static (input, _) => new DeclarationEnvironment(input.Left.Left.Trees, input.Left.Left.Options, input.Left.Right, input.Right));
        IncrementalValueProvider<CompilationHandle> compilation = context.CompilationProvider
            .Select(static (compilation, _) => new CompilationHandle(compilation));

        return context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is TypeDeclarationSyntax { AttributeLists.Count: > 0 },
                (syntax, cancellationToken) => KeyOf((TypeDeclarationSyntax)syntax.Node, simpleName, shortName, cancellationToken))
            .Combine(environment)
            .Where(static input => input.Left.NamesAttribute || input.Right.HasTypeAliases)
            .Combine(compilation)
            .WithComparer(WithoutCompilation.Instance)
            .Select((input, cancellationToken) => Parse(input.Left.Left, input.Right, metadataName, parse, skipped, failed, cancellationToken));
    }

    private static DeclarationKey KeyOf(TypeDeclarationSyntax declaration, string simpleName, string shortName, CancellationToken cancellationToken)
    {
        bool namesAttribute = false;
        foreach (AttributeListSyntax list in declaration.AttributeLists)
        {
            foreach (AttributeSyntax attribute in list.Attributes)
            {
                string name = RightmostIdentifier(attribute.Name);
                namesAttribute |= name == simpleName || name == shortName;
            }
        }

        return new DeclarationKey(DeclarationFingerprints.Of(declaration.SyntaxTree, cancellationToken), declaration.Span,
            declaration.Identifier.ValueText, namesAttribute);
    }

    private static string RightmostIdentifier(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => RightmostIdentifier(qualified.Right),
        AliasQualifiedNameSyntax alias => RightmostIdentifier(alias.Name),
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };

    private static TOutcome Parse<TOutcome>(DeclarationKey key, CompilationHandle compilation, string metadataName,
        Func<AttributedType, CancellationToken, TOutcome> parse, TOutcome skipped, Func<ParseFailureModel, TOutcome> failed,
        CancellationToken cancellationToken)
    {
        AttributedType? target;
        try
        {
            if (Declaration(key, compilation.Compilation, cancellationToken) is not { } declaration)
            {
                return failed(new ParseFailureModel(key.Identifier, "its declaration was not found in the compilation", null));
            }

            target = Bind(declaration, compilation.Compilation, metadataName, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return failed(new ParseFailureModel(key.Identifier, $"{ex.GetType().Name}: {ex.Message}", null));
        }

        return target is { } type ? parse(type, cancellationToken) : skipped;
    }

    // The declaration the key was made from, in the compilation the step runs on.
    private static TypeDeclarationSyntax? Declaration(DeclarationKey key, Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath == key.Tree.FilePath && DeclarationFingerprints.Of(tree, cancellationToken).Equals(key.Tree)
                && Declaration(tree, key.Span, cancellationToken) is { } declaration
                && declaration.Identifier.ValueText == key.Identifier)
            {
                return declaration;
            }
        }

        return null;
    }

    private static TypeDeclarationSyntax? Declaration(SyntaxTree tree, TextSpan span, CancellationToken cancellationToken)
    {
        SyntaxNode root = tree.GetRoot(cancellationToken);
        if (!root.FullSpan.Contains(span))
        {
            return null;
        }

        for (SyntaxNode? node = root.FindNode(span, getInnermostNodeForTie: true); node is not null; node = node.Parent)
        {
            if (node is TypeDeclarationSyntax declaration && declaration.Span == span)
            {
                return declaration;
            }
        }

        return null;
    }

    // As ForAttributeWithMetadataName: the type, with the attribute's applications written on this declaration (not on the
    // type's other parts); null when there are none.
    private static AttributedType? Bind(TypeDeclarationSyntax declaration, Compilation compilation, string metadataName,
        CancellationToken cancellationToken)
    {
        if (compilation.GetTypeByMetadataName(metadataName) is not { } attributeType
            || compilation.GetSemanticModel(declaration.SyntaxTree).GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol symbol)
        {
            return null;
        }

        ImmutableArray<AttributeData>.Builder applied = ImmutableArray.CreateBuilder<AttributeData>();
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (attribute.ApplicationSyntaxReference is { } reference
                && reference.SyntaxTree == declaration.SyntaxTree
                && declaration.Span.Contains(reference.Span)
                && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                applied.Add(attribute);
            }
        }

        return applied.Count == 0 ? null : new AttributedType(symbol, declaration, applied.ToImmutable(), compilation);
    }

    /// <summary>
    /// Compares a parse step's input by its declaration and environment only. Equal inputs keep the driver's last parse (the
    /// driver then keeps the old input, whose compilation is held weakly); a changed one carries this run's compilation.
    /// </summary>
    private sealed class WithoutCompilation : IEqualityComparer<((DeclarationKey Left, DeclarationEnvironment Right) Left, CompilationHandle Right)>
    {
        public static WithoutCompilation Instance { get; } = new();

        public bool Equals(((DeclarationKey Left, DeclarationEnvironment Right) Left, CompilationHandle Right) x,
            ((DeclarationKey Left, DeclarationEnvironment Right) Left, CompilationHandle Right) y) =>
            x.Left.Left.Equals(y.Left.Left) && x.Left.Right.Equals(y.Left.Right);

        public int GetHashCode(((DeclarationKey Left, DeclarationEnvironment Right) Left, CompilationHandle Right) input) =>
            input.Left.Left.GetHashCode();
    }
}
