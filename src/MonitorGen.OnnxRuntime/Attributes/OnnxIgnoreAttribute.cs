using System;

namespace MonitorGen;

/// <summary>
/// Leaves this property out of the ONNX mapping. Input properties that match no model input are left out anyway; on an
/// output record every settable property must be filled from a model output unless it carries this attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class OnnxIgnoreAttribute : Attribute
{
}
