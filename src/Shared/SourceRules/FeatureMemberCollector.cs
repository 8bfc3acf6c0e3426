using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MonitorGen.SourceRules;

/// <summary>
/// A candidate feature of a monitored type: a public instance property, and for a positional record the primary-constructor
/// parameter it was synthesized from.
/// </summary>
internal readonly struct FeatureMember
{
    public FeatureMember(IPropertySymbol property, IParameterSymbol? positionalParameter)
    {
        Property = property;
        PositionalParameter = positionalParameter;
    }

    /// <summary>The property.</summary>
    public IPropertySymbol Property { get; }

    /// <summary>The record primary-constructor parameter the property was synthesized from, or null.</summary>
    public IParameterSymbol? PositionalParameter { get; }

    /// <summary>The feature's name (the property's).</summary>
    public string Name => Property.Name;

    /// <summary>The feature's type (the property's).</summary>
    public ITypeSymbol Type => Property.Type;

    /// <summary>The symbol that diagnostics point at, and that code fixes annotate: the parameter of a positional property.</summary>
    public ISymbol AnnotatedSymbol => PositionalParameter is null ? Property : PositionalParameter;

    /// <summary>
    /// The attributes that configure the feature: those on the positional parameter first (the default target of
    /// <c>record R([DriftTest] double X)</c>), then those on the property (<c>[property: DriftTest]</c> or a declared property).
    /// </summary>
    public ImmutableArray<AttributeData> GetAttributes()
    {
        ImmutableArray<AttributeData> propertyAttributes = Property.GetAttributes();
        if (PositionalParameter is null)
        {
            return propertyAttributes;
        }

        return PositionalParameter.GetAttributes().AddRange(propertyAttributes);
    }
}

/// <summary>Finds the candidate features of a monitored type; the generator and the analyzers must agree on them.</summary>
internal static class FeatureMemberCollector
{
    /// <summary>
    /// The public, non-static, non-indexer, not implicitly declared properties declared on <paramref name="type"/> (inherited
    /// ones are not included), in declaration order, each paired with its positional parameter for a positional record.
    /// </summary>
    public static ImmutableArray<FeatureMember> Collect(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        IMethodSymbol? primaryConstructor = type.IsRecord ? FindRecordPrimaryConstructor(type, cancellationToken) : null;
        ImmutableArray<FeatureMember>.Builder builder = ImmutableArray.CreateBuilder<FeatureMember>();
        foreach (ISymbol member in type.GetMembers())
        {
            if (member is not IPropertySymbol property
                || property.IsStatic
                || property.IsIndexer
                || property.IsImplicitlyDeclared
                || property.DeclaredAccessibility != Accessibility.Public)
            {
                continue;
            }

            builder.Add(new FeatureMember(property, FindPositionalParameter(property, primaryConstructor, cancellationToken)));
        }

        return builder.ToImmutable();
    }

    private static IMethodSymbol? FindRecordPrimaryConstructor(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            foreach (SyntaxReference reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { ParameterList: not null })
                {
                    return constructor;
                }
            }
        }

        return null;
    }

    private static IParameterSymbol? FindPositionalParameter(
        IPropertySymbol property, IMethodSymbol? primaryConstructor, CancellationToken cancellationToken)
    {
        if (primaryConstructor is null)
        {
            return null;
        }

        // A positional property is declared by the parameter's syntax; a property written out in the body is not.
        bool declaredByParameter = false;
        foreach (SyntaxReference reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is ParameterSyntax)
            {
                declaredByParameter = true;
                break;
            }
        }

        if (!declaredByParameter)
        {
            return null;
        }

        foreach (IParameterSymbol parameter in primaryConstructor.Parameters)
        {
            if (parameter.Name == property.Name)
            {
                return parameter;
            }
        }

        return null;
    }
}
