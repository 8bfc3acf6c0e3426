using System;

namespace MonitorGen;

/// <summary>
/// Fills this property (or positional-record parameter) from the ONNX model output <see cref="Name"/>, instead of the
/// output whose name matches the property's (see docs/onnxruntime.md for the matching rules).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class OnnxOutputAttribute : Attribute
{
    /// <summary>Names the model output this property is filled from.</summary>
    /// <param name="name">The output's name in the ONNX graph.</param>
    public OnnxOutputAttribute(string name) => Name = name;

    /// <summary>The output's name in the ONNX graph.</summary>
    public string Name { get; }
}
