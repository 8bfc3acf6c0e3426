using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MonitorGen.Generators.Model;

namespace MonitorGen.Generators.Parsing;

/// <summary>What the emitters need to re-open a type's partial declaration: its keyword, accessibility and enclosing types.</summary>
internal static class TypeDeclarations
{
    public static bool TryGetContainingTypes(INamedTypeSymbol type, out EquatableArray<ContainingTypeModel> containingTypes)
    {
        var chain = new List<ContainingTypeModel>();
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.IsGenericType
                || !outer.DeclaringSyntaxReferences.All(reference => reference.GetSyntax() is TypeDeclarationSyntax syntax && IsPartial(syntax)))
            {
                containingTypes = EquatableArray<ContainingTypeModel>.Empty;
                return false;
            }

            string keyword = outer.IsRecord
                ? (outer.IsValueType ? "record struct" : "record")
                : outer.TypeKind switch { TypeKind.Struct => "struct", TypeKind.Interface => "interface", _ => "class" };
            chain.Insert(0, new ContainingTypeModel(keyword, outer.Name));
        }

        containingTypes = chain.ToEquatableArray();
        return true;
    }

    public static bool IsPartial(TypeDeclarationSyntax declaration) =>
        declaration.Modifiers.Any(modifier => modifier.IsKind(SyntaxKind.PartialKeyword));

    public static string KeywordOf(TypeDeclarationSyntax declaration) => declaration switch
    {
        RecordDeclarationSyntax record when record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => "record struct",
        RecordDeclarationSyntax => "record",
        StructDeclarationSyntax => "struct",
        _ => "class",
    };

    public static string AccessibilityOf(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Public => "public",
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "internal",
    };
}
