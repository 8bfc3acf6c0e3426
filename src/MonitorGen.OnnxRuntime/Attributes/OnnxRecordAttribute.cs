using System;

namespace MonitorGen;

/// <summary>
/// Generates the ONNX mapping of a record that is not a <c>[Monitor]</c> type (those get it anyway), so that it can be
/// the input or output of a <see cref="OnnxRuntime.MonitoredInferenceSession{TInput, TOutput}"/>. The type, and every
/// type that contains it, must be partial.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class OnnxRecordAttribute : Attribute
{
}
