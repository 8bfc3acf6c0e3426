using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using MonitorGen.Generators.Model;

namespace MonitorGen.Generators.Parsing;

/// <summary>
/// Everything a type's symbols can depend on besides its own declaration: the declarations of every tree, the options and
/// the references. While it stays equal, a declaration whose key is unchanged binds to the same symbols, so its parse is
/// reused instead of re-run.
/// </summary>
internal sealed class DeclarationEnvironment : IEquatable<DeclarationEnvironment>
{
    public DeclarationEnvironment(EquatableArray<TreeFingerprint> trees, CompilationOptions options, ParseOptions parseOptions,
        ImmutableArray<MetadataReference> references)
    {
        Trees = trees;
        Options = options;
        ParseOptions = parseOptions;
        References = references;
        foreach (TreeFingerprint tree in trees)
        {
            HasTypeAliases |= tree.HasTypeAliases;
        }
    }

    /// <summary>The fingerprint of each tree, in the compilation's order.</summary>
    public EquatableArray<TreeFingerprint> Trees { get; }

    /// <summary>The compilation's options.</summary>
    public CompilationOptions Options { get; }

    /// <summary>The parse options: the language version decides what some declarations mean.</summary>
    public ParseOptions ParseOptions { get; }

    /// <summary>The references, compared as the driver compares them (a changed reference is a new object).</summary>
    public ImmutableArray<MetadataReference> References { get; }

    /// <summary>Whether any tree has a type alias, so that attributes must be found by binding rather than by name.</summary>
    public bool HasTypeAliases { get; }

    public bool Equals(DeclarationEnvironment? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return Trees.Equals(other.Trees) && Options.Equals(other.Options) && ParseOptions.Equals(other.ParseOptions)
            && References.SequenceEqual(other.References);
    }

    public override bool Equals(object? obj) => Equals(obj as DeclarationEnvironment);

    public override int GetHashCode() => Trees.GetHashCode();
}
