using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using MonitorGen.Onnx;

namespace MonitorGen.SourceRules;

/// <summary>
/// Which members of a record the ONNX mapping writes and reads, and under which graph names. The generator emits the
/// mapping from these and MG0010 checks a model file against the same lists, so that the build-time check is the
/// mapping that runs.
/// </summary>
internal static class OnnxMemberCollector
{
    /// <summary>
    /// The members an input record may feed: its public instance properties with a public getter, inherited ones
    /// included (an override once), except indexers and <c>[OnnxIgnore]</c> ones; each with its <c>[OnnxInput]</c> name.
    /// </summary>
    public static ImmutableArray<OnnxMember> Inputs(INamedTypeSymbol type, OnnxSymbols symbols)
    {
        ImmutableArray<OnnxMember>.Builder members = ImmutableArray.CreateBuilder<OnnxMember>();
        foreach (IPropertySymbol property in PublicProperties(type, symbols))
        {
            if (property.GetMethod is { DeclaredAccessibility: Accessibility.Public })
            {
                members.Add(new OnnxMember(property.Name, property.Type, AttributeName(type, property, symbols.InputAttribute)));
            }
        }

        return members.ToImmutable();
    }

    /// <summary>
    /// How an output record is built: a class without a public parameterless constructor through its public constructor
    /// with the most parameters (a positional record's primary one), each parameter filled like the property of its
    /// name; then every public settable (or init) property that no parameter fills, except <c>[OnnxIgnore]</c> ones.
    /// </summary>
    public static OnnxOutputMembers Outputs(INamedTypeSymbol type, OnnxSymbols symbols)
    {
        ImmutableArray<OnnxMember> parameters = ImmutableArray<OnnxMember>.Empty;
        bool constructorSetsRequired = false;
        if (type.IsAbstract)
        {
            return new OnnxOutputMembers(parameters, ImmutableArray<OnnxMember>.Empty, $"{type.Name} is abstract");
        }

        List<IPropertySymbol> properties = PublicProperties(type, symbols);
        if (!type.IsValueType && !HasPublicParameterlessConstructor(type))
        {
            IMethodSymbol? constructor = null;
            foreach (IMethodSymbol candidate in type.InstanceConstructors)
            {
                if (candidate.DeclaredAccessibility == Accessibility.Public && (constructor is null || candidate.Parameters.Length > constructor.Parameters.Length))
                {
                    constructor = candidate;
                }
            }

            if (constructor is null)
            {
                return new OnnxOutputMembers(parameters, ImmutableArray<OnnxMember>.Empty, $"{type.Name} has no public constructor");
            }

            ImmutableArray<OnnxMember>.Builder builder = ImmutableArray.CreateBuilder<OnnxMember>();
            foreach (IParameterSymbol parameter in constructor.Parameters)
            {
                IPropertySymbol? property = properties.Find(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
                string? name = NameOf(Find(parameter.GetAttributes(), symbols.OutputAttribute))
                    ?? (property is null ? null : AttributeName(type, property, symbols.OutputAttribute));
                builder.Add(new OnnxMember(parameter.Name, parameter.Type, name));
            }

            parameters = builder.ToImmutable();
            constructorSetsRequired = constructor.GetAttributes().Any(attribute =>
                attribute.AttributeClass?.ToDisplayString() == "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute");
        }

        ImmutableArray<OnnxMember>.Builder settable = ImmutableArray.CreateBuilder<OnnxMember>();
        foreach (IPropertySymbol property in properties)
        {
            if (property.SetMethod is { DeclaredAccessibility: Accessibility.Public }
                && !parameters.Any(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase)))
            {
                settable.Add(new OnnxMember(property.Name, property.Type, AttributeName(type, property, symbols.OutputAttribute)));
            }
        }

        ImmutableArray<OnnxMember> set = settable.ToImmutable();
        return new OnnxOutputMembers(parameters, set, UnsetRequiredMember(type, set, constructorSetsRequired));
    }

    // A required member that the reader would not set (ignored, of a type no tensor fills, a field) makes the object
    // initializer invalid (CS9035), unless the constructor is [SetsRequiredMembers]: such a type cannot be an output.
    private static string? UnsetRequiredMember(INamedTypeSymbol type, ImmutableArray<OnnxMember> settable, bool constructorSetsRequired)
    {
        if (constructorSetsRequired)
        {
            return null;
        }

        for (INamedTypeSymbol? declaring = type; declaring is not null; declaring = declaring.BaseType)
        {
            foreach (ISymbol symbol in declaring.GetMembers())
            {
                bool required = symbol is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true };
                if (required && !settable.Any(member => member.Name == symbol.Name && symbol is IPropertySymbol && OnnxConversionRules.CanFill(member.Kind)))
                {
                    return $"{type.Name} has the required member {symbol.Name}, which no model output fills";
                }
            }
        }

        return null;
    }

    /// <summary>
    /// What the mapping makes of <paramref name="type"/>, unwrapping <c>Nullable&lt;T&gt;</c>: the feature classifier's
    /// numbers, bools and enums (a string is no tensor value, so it is unsupported here and not nullable).
    /// </summary>
    public static OnnxValueKind Classify(ITypeSymbol type, out ITypeSymbol valueType, out bool nullable)
    {
        MemberValueKind kind = FeatureTypeClassifier.Classify(type, out valueType, out bool canBeNull);
        nullable = canBeNull && kind != MemberValueKind.String;
        return kind switch
        {
            MemberValueKind.Number => OnnxValueKind.Number,
            MemberValueKind.Boolean => OnnxValueKind.Boolean,
            MemberValueKind.Enum => OnnxValueKind.Enum,
            _ => OnnxValueKind.Unsupported,
        };
    }

    // Public instance non-indexer properties, the most derived declaration of each name first, without [OnnxIgnore] ones.
    private static List<IPropertySymbol> PublicProperties(INamedTypeSymbol type, OnnxSymbols symbols)
    {
        var properties = new List<IPropertySymbol>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (INamedTypeSymbol? declaring = type;
             declaring is not null && declaring.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType);
             declaring = declaring.BaseType)
        {
            foreach (ISymbol symbol in declaring.GetMembers())
            {
                // A name declared twice (CS0102) cannot be referred to; neither declaration is taken, nor a base one it hides.
                if (symbol is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property
                    && seen.Add(property.Name)
                    && declaring.GetMembers(property.Name).Length == 1
                    && Find(property.GetAttributes(), symbols.IgnoreAttribute) is null)
                {
                    properties.Add(property);
                }
            }
        }

        return properties;
    }

    private static bool HasPublicParameterlessConstructor(INamedTypeSymbol type)
    {
        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility == Accessibility.Public && constructor.Parameters.Length == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The name an ONNX attribute gives a property: on the property or a property it overrides, else on a parameter of
    /// the same name of a public constructor (where a positional record's attribute lands without <c>property:</c>).
    /// </summary>
    private static string? AttributeName(INamedTypeSymbol type, IPropertySymbol property, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return null;
        }

        for (IPropertySymbol? declared = property; declared is not null; declared = declared.OverriddenProperty)
        {
            if (Find(declared.GetAttributes(), attributeType) is { } attribute)
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
                if (parameter.Name == property.Name && Find(parameter.GetAttributes(), attributeType) is { } attribute)
                {
                    return NameOf(attribute);
                }
            }
        }

        return null;
    }

    private static string? NameOf(AttributeData? attribute) =>
        attribute is { ConstructorArguments.Length: 1 } ? attribute.ConstructorArguments[0].Value as string : null;

    private static AttributeData? Find(ImmutableArray<AttributeData> attributes, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return null;
        }

        foreach (AttributeData attribute in attributes)
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return attribute;
            }
        }

        return null;
    }
}
