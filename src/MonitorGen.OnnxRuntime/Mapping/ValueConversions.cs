using System;
using System.Linq.Expressions;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MonitorGen.OnnxRuntime.Mapping;

/// <summary>The conversions between record member types and tensor element types, as expression trees.</summary>
internal static class ValueConversions
{
    /// <summary>The CLR type of a supported tensor element type, or null.</summary>
    public static Type? ClrType(TensorElementType type) => type switch
    {
        TensorElementType.Float => typeof(float),
        TensorElementType.Double => typeof(double),
        TensorElementType.Int64 => typeof(long),
        TensorElementType.Int32 => typeof(int),
        TensorElementType.Bool => typeof(bool),
        _ => null,
    };

    /// <summary>
    /// Converts a member value to the tensor element type, or returns null with the reason. Numbers convert as C# casts
    /// do; enums go through their underlying integer into an int64 or int32 tensor only; a null <see cref="Nullable{T}"/>
    /// becomes NaN, so only float and double tensors take nullable members.
    /// </summary>
    public static Expression? ToTensor(Expression value, Type tensorType, out string? problem)
    {
        problem = null;
        Type source = value.Type;
        if (Nullable.GetUnderlyingType(source) is { } underlying)
        {
            if (tensorType != typeof(float) && tensorType != typeof(double))
            {
                problem = $"a nullable {underlying.Name} can only feed a float or double input (null becomes NaN), not {tensorType.Name}";
                return null;
            }

            Expression? inner = ToTensor(Expression.Property(value, "Value"), tensorType, out problem);
            return inner is null
                ? null
                : Expression.Condition(Expression.Property(value, "HasValue"), inner, Expression.Constant(tensorType == typeof(float) ? (object)float.NaN : double.NaN, tensorType));
        }

        if (source == typeof(bool) || tensorType == typeof(bool))
        {
            if (source == tensorType)
            {
                return value;
            }

            problem = $"{source.Name} does not convert to a {tensorType.Name} tensor (bool maps only to bool)";
            return null;
        }

        if (source.IsEnum)
        {
            // As for outputs: an enum is a code, not a quantity, so it goes only into an integer tensor.
            if (tensorType != typeof(long) && tensorType != typeof(int))
            {
                problem = $"an enum feeds only an integer tensor (Int64 or Int32), not {tensorType.Name}";
                return null;
            }

            return Expression.Convert(Expression.Convert(value, Enum.GetUnderlyingType(source)), tensorType);
        }

        if (IsNumber(source))
        {
            return source == tensorType ? value : Expression.Convert(value, tensorType);
        }

        problem = $"{source.Name} is not a number, an enum or a bool";
        return null;
    }

    /// <summary>
    /// Converts a tensor element to a member type, or returns null with the reason: numbers as C# casts, integers to
    /// enums, bool to bool, and any of those to the nullable form of the member type.
    /// </summary>
    public static Expression? FromTensor(Expression element, Type memberType, out string? problem)
    {
        problem = null;
        Type tensorType = element.Type;
        if (Nullable.GetUnderlyingType(memberType) is { } underlying)
        {
            Expression? inner = FromTensor(element, underlying, out problem);
            return inner is null ? null : Expression.Convert(inner, memberType);
        }

        if (memberType == typeof(bool) || tensorType == typeof(bool))
        {
            if (memberType == tensorType)
            {
                return element;
            }

            problem = $"a {tensorType.Name} tensor does not convert to {memberType.Name} (bool maps only to bool)";
            return null;
        }

        if (memberType.IsEnum)
        {
            if (tensorType != typeof(long) && tensorType != typeof(int))
            {
                problem = $"an enum is filled only from an integer tensor, not {tensorType.Name}";
                return null;
            }

            return Expression.Convert(Expression.Convert(element, Enum.GetUnderlyingType(memberType)), memberType);
        }

        if (IsNumber(memberType))
        {
            return memberType == tensorType ? element : Expression.Convert(element, memberType);
        }

        problem = $"{memberType.Name} is not a number, an enum or a bool";
        return null;
    }

    private static bool IsNumber(Type type) =>
        type == typeof(float) || type == typeof(double) || type == typeof(long) || type == typeof(int)
        || type == typeof(short) || type == typeof(sbyte) || type == typeof(ulong) || type == typeof(uint)
        || type == typeof(ushort) || type == typeof(byte) || type == typeof(decimal);
}
