using System;
using MonitorGen.Onnx;

namespace MonitorGen.OnnxRuntime.Mapping;

/// <summary>What the mapping makes of a member's CLR type: the runtime's side of <c>OnnxMemberCollector.Classify</c>.</summary>
internal static class MemberTypes
{
    public static OnnxValueKind Classify(Type type, out Type valueType, out bool nullable)
    {
        valueType = Nullable.GetUnderlyingType(type) ?? type;
        nullable = valueType != type;
        if (valueType.IsEnum)
        {
            return OnnxValueKind.Enum;
        }

        if (valueType == typeof(bool))
        {
            return OnnxValueKind.Boolean;
        }

        return valueType == typeof(float) || valueType == typeof(double) || valueType == typeof(decimal)
            || valueType == typeof(long) || valueType == typeof(int) || valueType == typeof(short) || valueType == typeof(sbyte)
            || valueType == typeof(ulong) || valueType == typeof(uint) || valueType == typeof(ushort) || valueType == typeof(byte)
            ? OnnxValueKind.Number
            : OnnxValueKind.Unsupported;
    }

    /// <summary>The CLR name of a tensor element type's values, as messages name it.</summary>
    public static string ClrName(int elementType) => elementType switch
    {
        OnnxElementTypes.Float => nameof(Single),
        OnnxElementTypes.Double => nameof(Double),
        OnnxElementTypes.Int64 => nameof(Int64),
        OnnxElementTypes.Int32 => nameof(Int32),
        _ => nameof(Boolean),
    };

    /// <summary>Why a member does not feed a tensor of <paramref name="elementType"/>, or null when it does.</summary>
    public static string? FeedProblem(Type type, int elementType)
    {
        OnnxValueKind kind = Classify(type, out Type valueType, out bool nullable);
        string tensor = ClrName(elementType);
        return OnnxConversionRules.Feed(kind, nullable, elementType) switch
        {
            OnnxConversionProblem.None => null,
            OnnxConversionProblem.Nullable => $"a nullable {valueType.Name} can only feed a float or double input (null becomes NaN), not {tensor}",
            OnnxConversionProblem.Bool => $"{valueType.Name} does not convert to a {tensor} tensor (bool maps only to bool)",
            OnnxConversionProblem.Enum => $"an enum feeds only an integer tensor (Int64 or Int32), not {tensor}",
            _ => $"{valueType.Name} is not a number, an enum or a bool",
        };
    }

    /// <summary>Why a tensor of <paramref name="elementType"/> does not fill a member, or null when it does.</summary>
    public static string? FillProblem(int elementType, Type type)
    {
        OnnxValueKind kind = Classify(type, out Type valueType, out _);
        string tensor = ClrName(elementType);
        return OnnxConversionRules.Fill(elementType, kind) switch
        {
            OnnxConversionProblem.None => null,
            OnnxConversionProblem.Bool => $"a {tensor} tensor does not convert to {valueType.Name} (bool maps only to bool)",
            OnnxConversionProblem.Enum => $"an enum is filled only from an integer tensor, not {tensor}",
            _ => $"{valueType.Name} is not a number, an enum or a bool",
        };
    }
}
