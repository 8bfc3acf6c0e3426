using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MonitorGen.Generators.Model;

namespace MonitorGen.Generators.Parsing;

/// <summary>
/// Computes <see cref="TreeFingerprint"/>s, once per syntax tree: a tree a new compilation shares with the last one is the
/// same object, so a re-run after a one-line edit hashes the edited tree only.
/// </summary>
internal static class DeclarationFingerprints
{
    // Keyed by the immutable tree and holding values only, so the cache neither changes a result nor keeps a tree alive.
    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<TreeFingerprint>> Cache = new();

    /// <summary>The fingerprints of every tree of <paramref name="compilation"/>, in its order.</summary>
    public static EquatableArray<TreeFingerprint> Of(Compilation compilation, CancellationToken cancellationToken)
    {
        ImmutableArray<TreeFingerprint>.Builder trees = ImmutableArray.CreateBuilder<TreeFingerprint>();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            trees.Add(Of(tree, cancellationToken));
        }

        return new EquatableArray<TreeFingerprint>(trees.ToImmutable());
    }

    /// <summary>The fingerprint of <paramref name="tree"/>.</summary>
    public static TreeFingerprint Of(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (Cache.TryGetValue(tree, out StrongBox<TreeFingerprint>? cached))
        {
            return cached.Value;
        }

        var computed = new StrongBox<TreeFingerprint>(Compute(tree, cancellationToken));
        return Cache.GetValue(tree, _ => computed).Value;
    }

    private static TreeFingerprint Compute(SyntaxTree tree, CancellationToken cancellationToken)
    {
        SyntaxNode root = tree.GetRoot(cancellationToken);
        var hash = Hash128.Start();
        bool hasTypeAliases = false;

        // Directives anywhere, bodies included: #nullable, #pragma and #line apply to the declarations that follow them.
        for (DirectiveTriviaSyntax? directive = root.GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
        {
            hash.Add(directive.ToString());
        }

        var walker = new SkippedNodes();
        foreach (SyntaxNodeOrToken item in root.DescendantNodesAndTokens(walker.DescendInto))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item.IsToken)
            {
                hash.Add(item.AsToken().Text);
            }
            else if (item.AsNode() is { } node)
            {
                if (walker.IsSkipped(node))
                {
                    // A marker, so that `void M();` and `void M() { }` still differ.
                    hash.Add(node.RawKind);
                }
                else if (node is UsingDirectiveSyntax { Alias: not null })
                {
                    hasTypeAliases = true;
                }
            }
        }

        return new TreeFingerprint(tree.FilePath, hash.Low, hash.High, hasTypeAliases);
    }

    /// <summary>
    /// The parts of a tree no declaration elsewhere can depend on: member bodies, constructor initializers, top-level
    /// statements, initializers other than a constant's, and the private members of a class that is neither partial nor
    /// has nested types (nothing outside its own braces can name them).
    /// </summary>
    private sealed class SkippedNodes
    {
        private readonly HashSet<SyntaxNode> _sealedClasses = new();

        public bool DescendInto(SyntaxNode node)
        {
            if (node is ClassDeclarationSyntax type && !type.Modifiers.Any(SyntaxKind.PartialKeyword) && !HasNestedTypes(type))
            {
                _sealedClasses.Add(type);
            }

            return !IsSkipped(node);
        }

        public bool IsSkipped(SyntaxNode node) => node switch
        {
            BlockSyntax or ArrowExpressionClauseSyntax => node.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax
                or BasePropertyDeclarationSyntax or LocalFunctionStatementSyntax,
            ConstructorInitializerSyntax or GlobalStatementSyntax => true,
            EqualsValueClauseSyntax => node.Parent is PropertyDeclarationSyntax
                || (node.Parent?.Parent?.Parent is BaseFieldDeclarationSyntax field && !field.Modifiers.Any(SyntaxKind.ConstKeyword)),
            MemberDeclarationSyntax member => node.Parent is { } parent && _sealedClasses.Contains(parent)
                && member.Modifiers.Any(SyntaxKind.PrivateKeyword) && !member.Modifiers.Any(SyntaxKind.ProtectedKeyword),
            _ => false,
        };

        private static bool HasNestedTypes(ClassDeclarationSyntax type)
        {
            foreach (MemberDeclarationSyntax member in type.Members)
            {
                if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Two independent 64-bit hashes (FNV-1a and a multiplicative one) of a sequence of strings and markers.</summary>
    private struct Hash128
    {
        private ulong _low;
        private ulong _high;

        public static Hash128 Start() => new() { _low = 14695981039346656037UL, _high = 0x9E3779B97F4A7C15UL };

        public ulong Low => _low;

        public ulong High => _high;

        public void Add(string text)
        {
            foreach (char c in text)
            {
                Add(c);
            }

            Add('\u0001');
        }

        public void Add(int marker)
        {
            Add('\u0002');
            Add((char)(marker & 0xFFFF));
            Add((char)(marker >> 16));
        }

        private void Add(char c)
        {
            _low = (_low ^ c) * 1099511628211UL;
            _high = ((_high ^ c) * 0xBF58476D1CE4E5B9UL) + 0x94D049BB133111EBUL;
            _high ^= _high >> 29;
        }
    }
}
