using System.Collections.Immutable;

namespace MonitorGen.Analyzers.Internal.Onnx;

/// <summary>One dimension of an input's shape: a fixed size, a named (symbolic) size, or unknown.</summary>
internal readonly struct OnnxDimension
{
    public OnnxDimension(long? value, string? parameter)
    {
        Value = value;
        Parameter = parameter;
    }

    /// <summary>The fixed size (<c>dim_value</c>), or null.</summary>
    public long? Value { get; }

    /// <summary>The symbolic size (<c>dim_param</c>, such as <c>N</c>), or null.</summary>
    public string? Parameter { get; }

    public override string ToString() => Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Parameter ?? "?";
}

/// <summary>A graph input that is not an initializer: what the caller must feed.</summary>
internal sealed class OnnxInput
{
    public OnnxInput(string name, bool isTensor, int elementType, ImmutableArray<OnnxDimension>? shape)
    {
        Name = name;
        IsTensor = isTensor;
        ElementType = elementType;
        Shape = shape;
    }

    /// <summary>The input's name.</summary>
    public string Name { get; }

    /// <summary>Whether the input is a dense tensor (not a sequence, map, optional or sparse tensor).</summary>
    public bool IsTensor { get; }

    /// <summary>The <c>TensorProto.DataType</c> of the elements; 0 when not given.</summary>
    public int ElementType { get; }

    /// <summary>The shape, or null when the model does not declare one.</summary>
    public ImmutableArray<OnnxDimension>? Shape { get; }
}
