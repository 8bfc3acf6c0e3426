using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MonitorGen.Analyzers.Internal.Onnx;

/// <summary>
/// A member of an input record that MonitorGen.OnnxRuntime may feed to a model input, with the input name its
/// <c>[OnnxInput]</c> gives, if any.
/// </summary>
internal readonly struct OnnxInputMember
{
    private OnnxInputMember(string name, ITypeSymbol type, string? inputName)
    {
        Name = name;
        Type = type;
        InputName = inputName;
    }

    /// <summary>The property's name.</summary>
    public string Name { get; }

    /// <summary>The property's type.</summary>
    public ITypeSymbol Type { get; }

    /// <summary>The graph name of <c>[OnnxInput("name")]</c>, or null to match by the property's name.</summary>
    public string? InputName { get; }

    /// <summary>
    /// The members the runtime's mapping considers (RecordMapping.MapInputs): the public instance properties with a
    /// public getter, inherited ones included (an override once), except indexers and <c>[OnnxIgnore]</c> ones.
    /// </summary>
    public static ImmutableArray<OnnxInputMember> Collect(INamedTypeSymbol type, MonitorGenSymbols symbols)
    {
        ImmutableArray<OnnxInputMember>.Builder members = ImmutableArray.CreateBuilder<OnnxInputMember>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (INamedTypeSymbol? declaring = type;
             declaring is not null && declaring.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType);
             declaring = declaring.BaseType)
        {
            foreach (ISymbol symbol in declaring.GetMembers())
            {
                if (symbol is not IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property
                    || property.GetMethod is not { DeclaredAccessibility: Accessibility.Public }
                    || !seen.Add(property.Name)
                    || Has(property.GetAttributes(), symbols.IsOnnxIgnore))
                {
                    continue;
                }

                members.Add(new OnnxInputMember(property.Name, property.Type, InputNameOf(type, property, symbols)));
            }
        }

        return members.ToImmutable();
    }

    /// <summary>
    /// The <c>[OnnxInput]</c> name of a property: on the property or a property it overrides, else on a parameter of
    /// the same name of a public constructor (where a positional record's attribute lands without <c>property:</c>).
    /// </summary>
    private static string? InputNameOf(INamedTypeSymbol type, IPropertySymbol property, MonitorGenSymbols symbols)
    {
        if (symbols.OnnxInputAttribute is null)
        {
            return null;
        }

        for (IPropertySymbol? declared = property; declared is not null; declared = declared.OverriddenProperty)
        {
            if (Find(declared.GetAttributes(), symbols.IsOnnxInput) is { } attribute)
            {
                return NameOf(attribute);
            }
        }

        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility != Accessibility.Public)
            {
                continue;
            }

            foreach (IParameterSymbol parameter in constructor.Parameters)
            {
                if (parameter.Name == property.Name && Find(parameter.GetAttributes(), symbols.IsOnnxInput) is { } attribute)
                {
                    return NameOf(attribute);
                }
            }
        }

        return null;
    }

    private static string? NameOf(AttributeData attribute) =>
        attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;

    private static bool Has(ImmutableArray<AttributeData> attributes, Func<AttributeData, bool> isWanted) => Find(attributes, isWanted) is not null;

    private static AttributeData? Find(ImmutableArray<AttributeData> attributes, Func<AttributeData, bool> isWanted)
    {
        foreach (AttributeData attribute in attributes)
        {
            if (isWanted(attribute))
            {
                return attribute;
            }
        }

        return null;
    }
}
