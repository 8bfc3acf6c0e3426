using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MonitorGen.Analyzers.Internal.Onnx;

/// <summary>Which ONNX element types and shapes a scalar property of a record can feed.</summary>
internal static class OnnxTypeRules
{
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
    /// Whether a property of <paramref name="type"/> (<c>Nullable&lt;T&gt;</c> unwrapped) can feed elements of
    /// <paramref name="elementType"/>: the same CLR type, an enum's underlying type, or string for an enum (by name).
    /// An undefined element type (0) is not checked.
    /// </summary>
    public static bool Fits(ITypeSymbol type, int elementType)
    {
        if (elementType == 0)
        {
            return true;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && nullable.TypeArguments.Length == 1)
        {
            type = nullable.TypeArguments[0];
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
        {
            return elementType == 8 || ElementTypeOf(underlying.SpecialType) == elementType;
        }

        return ElementTypeOf(type.SpecialType) == elementType;
    }

    /// <summary>
    /// Whether a shape holds one value per row: unknown, a scalar, <c>[N]</c> or <c>[1]</c> (a batch of scalars), or
    /// <c>[N,1]</c> / <c>[-1,1]</c> / <c>[1,1]</c>. A fixed size other than 1 in the value dimension, or a rank above 2,
    /// needs several values per row, which one scalar property cannot give.
    /// </summary>
    public static bool IsScalarPerRow(ImmutableArray<OnnxDimension>? shape)
    {
        if (shape is not { } dims || dims.Length == 0)
        {
            return true;
        }

        if (dims.Length > 2)
        {
            return false;
        }

        OnnxDimension value = dims[dims.Length - 1];
        return value.Value is null || value.Value == 1 || (dims.Length == 1 && value.Value == -1);
    }

    private static int ElementTypeOf(SpecialType type) => type switch
    {
        SpecialType.System_Single => 1,
        SpecialType.System_Byte => 2,
        SpecialType.System_SByte => 3,
        SpecialType.System_UInt16 => 4,
        SpecialType.System_Int16 => 5,
        SpecialType.System_Int32 => 6,
        SpecialType.System_Int64 => 7,
        SpecialType.System_String => 8,
        SpecialType.System_Boolean => 9,
        SpecialType.System_Double => 11,
        SpecialType.System_UInt32 => 12,
        SpecialType.System_UInt64 => 13,
        _ => -1,
    };
}
