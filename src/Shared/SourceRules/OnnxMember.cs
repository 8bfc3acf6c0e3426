using Microsoft.CodeAnalysis;
using MonitorGen.Onnx;

namespace MonitorGen.SourceRules;

/// <summary>A member of a record that the ONNX mapping may write to a model input or read from a model output.</summary>
internal readonly struct OnnxMember
{
    public OnnxMember(string name, ITypeSymbol type, string? onnxName)
    {
        Name = name;
        Type = type;
        OnnxName = onnxName;
        Kind = OnnxMemberCollector.Classify(type, out ITypeSymbol valueType, out bool nullable);
        ValueType = valueType;
        IsNullable = nullable;
    }

    /// <summary>The property's name (or the constructor parameter's, for an output filled through a constructor).</summary>
    public string Name { get; }

    /// <summary>The member's type, as declared.</summary>
    public ITypeSymbol Type { get; }

    /// <summary>The type after unwrapping <c>Nullable&lt;T&gt;</c>.</summary>
    public ITypeSymbol ValueType { get; }

    /// <summary>The graph name of <c>[OnnxInput("name")]</c> or <c>[OnnxOutput("name")]</c>, or null to match by <see cref="Name"/>.</summary>
    public string? OnnxName { get; }

    /// <summary>What the mapping makes of the type.</summary>
    public OnnxValueKind Kind { get; }

    /// <summary>Whether the type is a <c>Nullable&lt;T&gt;</c>.</summary>
    public bool IsNullable { get; }
}
