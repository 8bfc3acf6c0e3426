using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MonitorGen.Analyzers.Internal;

/// <summary>Where to point a diagnostic about a symbol or one of its attributes.</summary>
internal static class AttributeLocations
{
    /// <summary>The symbol's first source location (its identifier), or <see cref="Location.None"/>.</summary>
    public static Location Of(ISymbol symbol)
    {
        foreach (Location location in symbol.Locations)
        {
            if (location.IsInSource)
            {
                return location;
            }
        }

        return Location.None;
    }

    /// <summary>The attribute's syntax, or the symbol's location when the attribute has no syntax.</summary>
    public static Location Of(AttributeData attribute, ISymbol fallback, CancellationToken cancellationToken) =>
        GetSyntax(attribute, cancellationToken)?.GetLocation() ?? Of(fallback);

    /// <summary>The first positional argument of the attribute, or the attribute when there is none.</summary>
    public static Location OfConstructorArgument(AttributeData attribute, ISymbol fallback, CancellationToken cancellationToken)
    {
        AttributeSyntax? syntax = GetSyntax(attribute, cancellationToken);
        if (syntax?.ArgumentList is { } arguments)
        {
            foreach (AttributeArgumentSyntax argument in arguments.Arguments)
            {
                if (argument.NameEquals is null)
                {
                    return argument.GetLocation();
                }
            }
        }

        return syntax?.GetLocation() ?? Of(fallback);
    }

    /// <summary>The named argument <c>name = ...</c> of the attribute, or the attribute when there is none.</summary>
    public static Location OfNamedArgument(AttributeData attribute, string name, ISymbol fallback, CancellationToken cancellationToken)
    {
        AttributeSyntax? syntax = GetSyntax(attribute, cancellationToken);
        if (syntax?.ArgumentList is { } arguments)
        {
            foreach (AttributeArgumentSyntax argument in arguments.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return argument.GetLocation();
                }
            }
        }

        return syntax?.GetLocation() ?? Of(fallback);
    }

    private static AttributeSyntax? GetSyntax(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
}
