using System;
using System.ComponentModel;

namespace MonitorGen.OnnxRuntime;

/// <summary>Generator support: one member of an <see cref="OnnxRecordShape"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class OnnxMemberInfo
{
    /// <summary>Describes a member.</summary>
    /// <param name="name">The property's name, or the constructor parameter's for an output built through a constructor.</param>
    /// <param name="type">The member's type.</param>
    /// <param name="onnxName">The graph name of its <c>[OnnxInput]</c> or <c>[OnnxOutput]</c>, or null to match by <paramref name="name"/>.</param>
    public OnnxMemberInfo(string name, Type type, string? onnxName)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(type);
        Name = name;
        Type = type;
        OnnxName = onnxName;
    }

    /// <summary>The member's name.</summary>
    public string Name { get; }

    /// <summary>The member's type.</summary>
    public Type Type { get; }

    /// <summary>The graph name its attribute gives, or null.</summary>
    public string? OnnxName { get; }
}
