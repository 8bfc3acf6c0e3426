using System.Globalization;

namespace MonitorGen.Onnx;

/// <summary>
/// The tensor element types, as the <c>TensorProto.DataType</c> numbers of the ONNX format (ONNX Runtime's
/// <c>TensorElementType</c> has the same values).
/// </summary>
internal static class OnnxElementTypes
{
    /// <summary>Not given in the model file.</summary>
    public const int Undefined = 0;
    public const int Float = 1;
    public const int Int32 = 6;
    public const int Int64 = 7;
    public const int Bool = 9;
    public const int Double = 11;

    /// <summary>The element types the mapping reads and writes, in the order messages list them.</summary>
    public static readonly int[] Mapped = [Float, Double, Int64, Int32, Bool];

    /// <summary>Whether the mapping reads and writes tensors of this element type.</summary>
    public static bool IsMapped(int elementType) => elementType is Float or Double or Int64 or Int32 or Bool;

    /// <summary>The ONNX name of an element type.</summary>
    public static string Name(int elementType) => elementType switch
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
        _ => "element type " + elementType.ToString(CultureInfo.InvariantCulture),
    };
}
