using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MonitorGen.Analyzers.Internal.Onnx;

/// <summary>
/// Which ONNX element types and shapes a member of an input record can feed: MonitorGen.OnnxRuntime's rules
/// (src/MonitorGen.OnnxRuntime/Mapping/ValueConversions.cs and RecordMapping.TryOneRow), checked at build time.
/// </summary>
internal static class OnnxTypeRules
{
    // The TensorProto.DataType values of the element types the runtime feeds.
    public const int Float = 1;
    public const int Int32 = 6;
    public const int Int64 = 7;
    public const int Bool = 9;
    public const int Double = 11;

    /// <summary>The name of a <c>TensorProto.DataType</c>.</summary>
    public static string ElementTypeName(int elementType) => elementType switch
    {
        1 => "float",
        2 => "uint8",
        3 => "int8",
        4 => "uint16",
        5 => "int16",
        6 => "int32",
        7 => "int64",
        8 => "string",
        9 => "bool",
        10 => "float16",
        11 => "double",
        12 => "uint32",
        13 => "uint64",
        14 => "complex64",
        15 => "complex128",
        16 => "bfloat16",
        0 => "an undefined element type",
        _ => "element type " + elementType.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Whether MonitorGen.OnnxRuntime feeds tensors of this element type (ValueConversions.ClrType): float, double,
    /// int64, int32 and bool. An undefined element type (0) is not checked.
    /// </summary>
    public static bool IsFeedable(int elementType) => elementType is 0 or Float or Double or Int64 or Int32 or Bool;

    /// <summary>
    /// What stops MonitorGen.OnnxRuntime from feeding a member of <paramref name="type"/> to a tensor of
    /// <paramref name="elementType"/> (a feedable one), following ValueConversions.ToTensor: numbers (decimal included)
    /// go into any numeric tensor as a C# cast; an enum into int64 or int32 only; bool into bool only; a
    /// <c>Nullable&lt;T&gt;</c> of those into float or double only (null becomes NaN); nothing else is fed.
    /// </summary>
    public static OnnxFeedProblem Feed(ITypeSymbol type, int elementType)
    {
        bool nullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper && wrapper.TypeArguments.Length == 1)
        {
            type = wrapper.TypeArguments[0];
            nullable = true;
        }

        bool isBool = type.SpecialType == SpecialType.System_Boolean;
        bool isEnum = type.TypeKind == TypeKind.Enum;
        if (!isBool && !isEnum && !IsNumber(type.SpecialType))
        {
            return OnnxFeedProblem.MemberType;
        }

        if (elementType == 0)
        {
            return OnnxFeedProblem.None;
        }

        if (nullable && elementType is not (Float or Double))
        {
            return OnnxFeedProblem.Nullable;
        }

        if (isBool || elementType == Bool)
        {
            return isBool && elementType == Bool ? OnnxFeedProblem.None : OnnxFeedProblem.Bool;
        }

        return isEnum && elementType is not (Int64 or Int32) ? OnnxFeedProblem.Enum : OnnxFeedProblem.None;
    }

    /// <summary>
    /// Whether one member fills the tensor, as the runtime requires: every dimension 1, symbolic or unknown (bound to
    /// 1), so <c>[N,1]</c>, <c>[1]</c>, <c>[N]</c> and <c>[]</c> are, and <c>[1,4]</c> is not. No shape is not checked.
    /// </summary>
    public static bool IsOneElementPerRow(ImmutableArray<OnnxDimension>? shape)
    {
        if (shape is { } dimensions)
        {
            foreach (OnnxDimension dimension in dimensions)
            {
                if (dimension.Value is { } size && size != 1 && size >= 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsNumber(SpecialType type) => type is SpecialType.System_Single or SpecialType.System_Double
        or SpecialType.System_Int64 or SpecialType.System_Int32 or SpecialType.System_Int16 or SpecialType.System_SByte
        or SpecialType.System_UInt64 or SpecialType.System_UInt32 or SpecialType.System_UInt16 or SpecialType.System_Byte
        or SpecialType.System_Decimal;
}
