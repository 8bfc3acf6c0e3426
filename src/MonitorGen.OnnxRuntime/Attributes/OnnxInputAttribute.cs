using System;

namespace MonitorGen;

/// <summary>
/// Feeds this property to the ONNX model input <see cref="Name"/>, instead of the input whose name matches the property's
/// (see docs/onnxruntime.md for the matching rules). A property with this attribute must match an input of the model.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class OnnxInputAttribute : Attribute
{
    /// <summary>Names the model input this property feeds.</summary>
    /// <param name="name">The input's name in the ONNX graph.</param>
    public OnnxInputAttribute(string name) => Name = name;

    /// <summary>The input's name in the ONNX graph.</summary>
    public string Name { get; }
}
