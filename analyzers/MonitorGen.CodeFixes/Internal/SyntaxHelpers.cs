using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace MonitorGen.CodeFixes.Internal;

/// <summary>Small syntax edits shared by the code fixes, written to keep the user's formatting.</summary>
internal static class SyntaxHelpers
{
    /// <summary>The document's line ending: the first one it uses, or a line feed.</summary>
    public static SyntaxTrivia EndOfLineOf(SyntaxNode root)
    {
        foreach (SyntaxTrivia trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return EndOfLine("\n");
    }

    /// <summary>
    /// Puts <c>[attribute]</c> first in the attribute lists of a property (on its own line) or a parameter (on the same line).
    /// </summary>
    public static SyntaxNode AddAttribute(SyntaxNode node, AttributeSyntax attribute, SyntaxTrivia endOfLine)
    {
        AttributeListSyntax list = AttributeList(SingletonSeparatedList(attribute));
        switch (node)
        {
            case PropertyDeclarationSyntax property:
            {
                SyntaxToken first = property.GetFirstToken();
                SyntaxTriviaList leading = first.LeadingTrivia;
                SyntaxTriviaList indentation = TrailingWhitespace(leading);
                PropertyDeclarationSyntax stripped = property.ReplaceToken(first, first.WithLeadingTrivia(indentation));
                return stripped.WithAttributeLists(stripped.AttributeLists.Insert(0, list.WithLeadingTrivia(leading).WithTrailingTrivia(endOfLine)));
            }

            case ParameterSyntax parameter:
            {
                SyntaxToken first = parameter.GetFirstToken();
                SyntaxTriviaList leading = first.LeadingTrivia;
                ParameterSyntax stripped = parameter.ReplaceToken(first, first.WithLeadingTrivia());
                return stripped.WithAttributeLists(stripped.AttributeLists.Insert(0, list.WithLeadingTrivia(leading).WithTrailingTrivia(Space)));
            }

            default:
                return node;
        }
    }

    /// <summary>Whether the attribute already has the named argument <c>name = …</c>.</summary>
    public static bool HasNamedArgument(AttributeSyntax attribute, string name) =>
        attribute.ArgumentList?.Arguments.Any(argument => argument.NameEquals?.Name.Identifier.ValueText == name) == true;

    /// <summary>Appends <c>name = value</c> to the attribute's arguments, adding the parentheses when it has none.</summary>
    public static AttributeSyntax AddNamedArgument(AttributeSyntax attribute, string name, int value)
    {
        AttributeArgumentSyntax argument = AttributeArgument(
            NameEquals(IdentifierName(name)).WithEqualsToken(Token(TriviaList(Space), SyntaxKind.EqualsToken, TriviaList(Space))),
            nameColon: null,
            LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(value)));
        if (attribute.ArgumentList is not { } list)
        {
            return attribute.WithArgumentList(AttributeArgumentList(SingletonSeparatedList(argument)));
        }

        SeparatedSyntaxList<AttributeArgumentSyntax> arguments = list.Arguments;
        if (arguments.Count > 0)
        {
            argument = argument.WithLeadingTrivia(Space);
        }

        return attribute.WithArgumentList(list.WithArguments(arguments.Add(argument)));
    }

    /// <summary>Adds <c>using {namespaceName};</c>, System namespaces first, then alphabetically.</summary>
    public static CompilationUnitSyntax AddUsing(CompilationUnitSyntax unit, string namespaceName, SyntaxTrivia endOfLine)
    {
        UsingDirectiveSyntax directive = UsingDirective(ParseName(namespaceName))
            .WithUsingKeyword(Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(Space))
            .WithTrailingTrivia(endOfLine);
        SyntaxList<UsingDirectiveSyntax> usings = unit.Usings;
        if (usings.Count == 0)
        {
            SyntaxToken first = unit.GetFirstToken(includeZeroWidth: true);
            CompilationUnitSyntax stripped = unit.ReplaceToken(first, first.WithLeadingTrivia());
            return stripped.WithUsings(SingletonList(directive.WithLeadingTrivia(first.LeadingTrivia).WithTrailingTrivia(endOfLine, endOfLine)));
        }

        int index = 0;
        while (index < usings.Count && ComesBefore(usings[index], namespaceName))
        {
            index++;
        }

        if (index == 0)
        {
            // Keep a file header above the usings.
            UsingDirectiveSyntax old = usings[0];
            directive = directive.WithLeadingTrivia(old.GetLeadingTrivia());
            usings = usings.Replace(old, old.WithLeadingTrivia());
        }

        return unit.WithUsings(usings.Insert(index, directive));
    }

    /// <summary>The type declaration with <c>partial</c> as its last modifier (where C# requires it).</summary>
    public static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax declaration)
    {
        if (declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return declaration;
        }

        if (declaration.Modifiers.Count == 0)
        {
            SyntaxToken keyword = declaration.Keyword;
            SyntaxToken partial = Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, TriviaList(Space));
            return declaration.WithKeyword(keyword.WithLeadingTrivia()).WithModifiers(TokenList(partial));
        }

        return declaration.WithModifiers(declaration.Modifiers.Add(Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(Space)));
    }

    private static bool ComesBefore(UsingDirectiveSyntax existing, string namespaceName)
    {
        if (existing.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
        {
            return true;
        }

        if (existing.Alias is not null || existing.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) || existing.Name is null)
        {
            return false;
        }

        string name = existing.Name.ToString();
        bool existingIsSystem = IsSystem(name);
        bool newIsSystem = IsSystem(namespaceName);
        if (existingIsSystem != newIsSystem)
        {
            return existingIsSystem;
        }

        return string.CompareOrdinal(name, namespaceName) < 0;
    }

    private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", System.StringComparison.Ordinal);

    private static SyntaxTriviaList TrailingWhitespace(SyntaxTriviaList leading)
    {
        int start = leading.Count;
        while (start > 0 && leading[start - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            start--;
        }

        return TriviaList(leading.Skip(start));
    }
}
