using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MonitorGen.Generators.Parsing;

/// <summary>A type declaration that carries an attribute, bound in the compilation a parse step runs on.</summary>
/// <param name="Symbol">The declared type.</param>
/// <param name="Declaration">The declaration that carries the attribute (one part of a partial type).</param>
/// <param name="Attributes">The attribute's applications on that declaration, in source order.</param>
/// <param name="Compilation">The compilation.</param>
internal readonly record struct AttributedType(
    INamedTypeSymbol Symbol, TypeDeclarationSyntax Declaration, ImmutableArray<AttributeData> Attributes, Compilation Compilation);
