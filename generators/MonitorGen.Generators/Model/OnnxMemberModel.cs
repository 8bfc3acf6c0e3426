using MonitorGen.Onnx;

namespace MonitorGen.Generators.Model;

/// <summary>A member the ONNX mapping of a record may write or read.</summary>
/// <param name="Name">The property's name, or a constructor parameter's.</param>
/// <param name="Type">The <c>global::</c>-qualified type, as <c>typeof</c> takes it.</param>
/// <param name="ValueType">The type after unwrapping <c>Nullable&lt;T&gt;</c>, <c>global::</c>-qualified.</param>
/// <param name="OnnxName">The graph name its attribute gives, or null.</param>
/// <param name="Kind">What the mapping makes of the type.</param>
/// <param name="IsNullable">Whether the type is a <c>Nullable&lt;T&gt;</c>.</param>
internal sealed record OnnxMemberModel(string Name, string Type, string ValueType, string? OnnxName, OnnxValueKind Kind, bool IsNullable);
