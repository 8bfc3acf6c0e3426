using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace MonitorGen.SourceRules;

/// <summary>Decides how a member's type is observed; the generator and the analyzers must agree on it.</summary>
internal static class FeatureTypeClassifier
{
    /// <summary>The named argument of <c>DriftTestAttribute</c> that marks a number categorical.</summary>
    public const string CategoricalArgument = "Categorical";

    /// <summary>Classifies <paramref name="type"/>, unwrapping <c>Nullable&lt;T&gt;</c>.</summary>
    /// <param name="type">The member's type.</param>
    /// <param name="valueType">The type after unwrapping <c>Nullable&lt;T&gt;</c>.</param>
    /// <param name="isNullable">Whether the member can hold null (a nullable value type or any string).</param>
    public static MemberValueKind Classify(ITypeSymbol type, out ITypeSymbol valueType, out bool isNullable)
    {
        valueType = type;
        isNullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            && nullable.TypeArguments.Length == 1)
        {
            valueType = nullable.TypeArguments[0];
            isNullable = true;
        }

        if (valueType.TypeKind == TypeKind.Enum)
        {
            return MemberValueKind.Enum;
        }

        switch (valueType.SpecialType)
        {
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
                return MemberValueKind.Number;
            case SpecialType.System_Boolean:
                return MemberValueKind.Boolean;
            case SpecialType.System_String:
                isNullable = true;
                return MemberValueKind.String;
            default:
                return MemberValueKind.Unsupported;
        }
    }

    /// <summary>
    /// Whether a feature is a number marked <c>[DriftTest(Categorical = true)]</c>, and so a categorical feature of its distinct
    /// values. The flag is ignored on bool, enum and string features (already categorical) and on unsupported types (MG0005).
    /// </summary>
    /// <param name="kind">The member's classified kind.</param>
    /// <param name="driftTest">The member's first <c>[DriftTest]</c>, or null.</param>
    public static bool IsCategoricalNumber(MemberValueKind kind, AttributeData? driftTest) =>
        kind == MemberValueKind.Number && driftTest is not null && SchemaFeatureRules.NamedArgument(driftTest, CategoricalArgument) is true;

    /// <summary>
    /// Whether a feature is numerical (binned, sampled and rank-tested) rather than categorical (counted per category): the
    /// schema hash's <c>N</c> and <c>C</c>.
    /// </summary>
    public static bool IsNumerical(MemberValueKind kind, bool categoricalNumber) => kind == MemberValueKind.Number && !categoricalNumber;

    /// <summary>Whether the type is a floating-point type, which can hold NaN and infinities.</summary>
    public static bool IsFloatingPoint(ITypeSymbol valueType) =>
        valueType.SpecialType is SpecialType.System_Single or SpecialType.System_Double;

    /// <summary>Whether the (unwrapped) type is continuous: floating-point or decimal, as opposed to integers and categories.</summary>
    public static bool IsContinuous(ITypeSymbol valueType) =>
        IsFloatingPoint(valueType) || valueType.SpecialType == SpecialType.System_Decimal;

    /// <summary>Whether a feature of <paramref name="kind"/> has exactly two values: a bool, or an enum with two distinct values.</summary>
    public static bool IsBinary(MemberValueKind kind, ITypeSymbol valueType)
    {
        if (kind == MemberValueKind.Boolean)
        {
            return true;
        }

        if (kind != MemberValueKind.Enum)
        {
            return false;
        }

        var values = new HashSet<object>();
        foreach (ISymbol member in valueType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } value })
            {
                values.Add(value);
            }
        }

        return values.Count == 2;
    }
}
