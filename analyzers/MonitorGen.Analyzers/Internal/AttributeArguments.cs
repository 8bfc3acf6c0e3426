using Microsoft.CodeAnalysis;
using MonitorGen.SourceRules;

namespace MonitorGen.Analyzers.Internal;

/// <summary>Reads attribute arguments defensively: an argument that did not bind is reported as absent.</summary>
internal static class AttributeArguments
{
    /// <summary>Whether the attribute bound to a constructor, so that its arguments can be trusted.</summary>
    public static bool IsBound(AttributeData attribute) => attribute.AttributeConstructor is not null;

    /// <summary>The first constructor argument, when the attribute bound and the argument is a valid constant.</summary>
    public static bool TryGetConstructorArgument(AttributeData attribute, out TypedConstant argument)
    {
        argument = default;
        if (!IsBound(attribute) || attribute.ConstructorArguments.Length == 0)
        {
            return false;
        }

        argument = attribute.ConstructorArguments[0];
        return argument.Kind != TypedConstantKind.Error && argument.Kind != TypedConstantKind.Array;
    }

    /// <summary>An explicitly set named argument, when it is a valid constant.</summary>
    public static bool TryGetNamedArgument(AttributeData attribute, string name, out TypedConstant argument)
    {
        argument = default;
        if (!IsBound(attribute))
        {
            return false;
        }

        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Kind != TypedConstantKind.Error && pair.Value.Kind != TypedConstantKind.Array)
            {
                argument = pair.Value;
                return true;
            }
        }

        return false;
    }

    /// <summary>An explicitly set <see cref="double"/> named argument.</summary>
    public static bool TryGetDouble(AttributeData attribute, string name, out double value)
    {
        value = 0;
        if (TryGetNamedArgument(attribute, name, out TypedConstant argument) && argument.Value is double d)
        {
            value = d;
            return true;
        }

        return false;
    }

    /// <summary>An explicitly set <see cref="int"/> named argument.</summary>
    public static bool TryGetInt32(AttributeData attribute, string name, out int value)
    {
        value = 0;
        if (TryGetNamedArgument(attribute, name, out TypedConstant argument) && argument.Value is int i)
        {
            value = i;
            return true;
        }

        return false;
    }

    /// <summary>
    /// The <c>DriftTest</c> method as a number; <see cref="DriftMethodRules.Auto"/> when not given. False when the
    /// attribute or its argument did not bind.
    /// </summary>
    public static bool TryGetDriftMethod(AttributeData attribute, out long method)
    {
        method = DriftMethodRules.Auto;
        if (!IsBound(attribute))
        {
            return false;
        }

        if (attribute.ConstructorArguments.Length == 0)
        {
            return true;
        }

        TypedConstant argument = attribute.ConstructorArguments[0];
        if (argument.Kind != TypedConstantKind.Enum && argument.Kind != TypedConstantKind.Primitive)
        {
            return false;
        }

        switch (argument.Value)
        {
            case int i: method = i; return true;
            case long l: method = l; return true;
            case short s: method = s; return true;
            case sbyte sb: method = sb; return true;
            case byte b: method = b; return true;
            case ushort us: method = us; return true;
            case uint ui: method = ui; return true;
            default: return false;
        }
    }

    /// <summary>The method as an <see cref="int"/> for the shared rules (values outside the enum map to -1).</summary>
    public static int ToRuleValue(long method) => DriftMethodRules.IsDefined(method) ? (int)method : -1;

    /// <summary>The attribute's name as written in C#, without the <c>Attribute</c> suffix.</summary>
    public static string ShortName(AttributeData attribute)
    {
        string name = attribute.AttributeClass?.Name ?? string.Empty;
        return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }

    /// <summary>A <see cref="double"/> as C# would show it in a message.</summary>
    public static string Show(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The name of a feature kind in messages (C# terms, not translated).</summary>
    public static string KindName(MemberValueKind kind, bool categoricalNumber = false) => kind switch
    {
        MemberValueKind.Number when categoricalNumber => "numeric, marked Categorical",
        MemberValueKind.Number => "numeric",
        MemberValueKind.Boolean => "bool",
        MemberValueKind.Enum => "enum",
        MemberValueKind.String => "string",
        _ => "unsupported",
    };
}
