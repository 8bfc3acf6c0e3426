using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MonitorGen.Generators.Model;
using MonitorGen.SourceRules;

namespace MonitorGen.Generators.Parsing;

/// <summary>Reads the ONNX mapping of a type from the shared member rules (<see cref="OnnxMemberCollector"/>).</summary>
internal static class OnnxRecordParser
{
    /// <summary>An <c>[OnnxRecord]</c> type; one that is also <c>[Monitor]</c> gets its mapping through the monitor's parse.</summary>
    public static OnnxParseOutcome Parse(AttributedType target, CancellationToken cancellationToken)
    {
        INamedTypeSymbol type = target.Symbol;
        TypeDeclarationSyntax declaration = target.Declaration;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            INamedTypeSymbol? monitor = target.Compilation.GetTypeByMetadataName(KnownTypeNames.MonitorAttribute);
            foreach (AttributeData attribute in type.GetAttributes())
            {
                if (monitor is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, monitor))
                {
                    return OnnxParseOutcome.Skipped;
                }
            }

            return Parse(type, declaration, target.Compilation) is { } model
                ? new OnnxParseOutcome(model, null)
                : OnnxParseOutcome.Skipped;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // As for [Monitor] types: no mapping, and MG0013 names the type and the exception.
            return new OnnxParseOutcome(null, new ParseFailureModel(declaration.Identifier.ValueText, $"{ex.GetType().Name}: {ex.Message}",
                LocationModel.Of(declaration.Identifier.GetLocation())));
        }
    }

    /// <summary>
    /// An <c>[OnnxRecord]</c> type's mapping, or null when the compilation does not reference MonitorGen.OnnxRuntime or
    /// the type cannot take one (not partial, generic, or inside a type that is not partial; the compiler then reports
    /// the missing interface where the type is used with a session).
    /// </summary>
    private static OnnxRecordTypeModel? Parse(INamedTypeSymbol type, TypeDeclarationSyntax declaration, Compilation compilation)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsStatic || type.IsGenericType
            || !TypeDeclarations.IsPartial(declaration) || !TypeDeclarations.TryGetContainingTypes(type, out var containingTypes)
            || Mapping(type, compilation) is not { } mapping)
        {
            return null;
        }

        return new OnnxRecordTypeModel(
            type.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : null,
            type.Name,
            TypeDeclarations.KeywordOf(declaration),
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            SchemaFeatureRules.TypeName(type),
            type.IsReferenceType,
            containingTypes,
            mapping);
    }

    /// <summary>
    /// The members of a type that the parser has already found fit to extend (partial, not generic, in partial types),
    /// or null when the compilation does not reference MonitorGen.OnnxRuntime.
    /// </summary>
    public static OnnxRecordModel? Mapping(INamedTypeSymbol type, Compilation compilation)
    {
        var symbols = OnnxSymbols.Create(compilation);
        if (symbols.RecordInterface is null)
        {
            return null;
        }

        OnnxOutputMembers outputs = OnnxMemberCollector.Outputs(type, symbols);
        string? problem = outputs.Problem;
        foreach (OnnxMember parameter in outputs.ConstructorParameters)
        {
            if (!CanName(parameter.Type))
            {
                problem ??= $"the type of constructor parameter {parameter.Name} of {type.Name} cannot be mapped";
            }
        }

        return new OnnxRecordModel(
            Members(OnnxMemberCollector.Inputs(type, symbols)),
            problem is null ? Members(outputs.ConstructorParameters) : EquatableArray<OnnxMemberModel>.Empty,
            problem is null ? Members(outputs.Properties) : EquatableArray<OnnxMemberModel>.Empty,
            problem);
    }

    // A member whose type typeof cannot name (a pointer, dynamic) is left out: no model tensor could take it anyway.
    private static EquatableArray<OnnxMemberModel> Members(ImmutableArray<OnnxMember> members)
    {
        ImmutableArray<OnnxMemberModel>.Builder models = ImmutableArray.CreateBuilder<OnnxMemberModel>(members.Length);
        foreach (OnnxMember member in members)
        {
            if (CanName(member.Type))
            {
                models.Add(new OnnxMemberModel(
                    member.Name,
                    member.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                    member.ValueType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                    member.OnnxName,
                    member.Kind,
                    member.IsNullable));
            }
        }

        return models.ToImmutable().ToEquatableArray();
    }

    private static bool CanName(ITypeSymbol type) => type switch
    {
        IPointerTypeSymbol or IFunctionPointerTypeSymbol or IErrorTypeSymbol => false,
        { TypeKind: TypeKind.Dynamic } => false,
        IArrayTypeSymbol array => CanName(array.ElementType),
        INamedTypeSymbol named => AllCanName(named.TypeArguments) && (named.ContainingType is null || CanName(named.ContainingType)),
        _ => true,
    };

    private static bool AllCanName(ImmutableArray<ITypeSymbol> types)
    {
        foreach (ITypeSymbol type in types)
        {
            if (!CanName(type))
            {
                return false;
            }
        }

        return true;
    }
}
