using Microsoft.ML.OnnxRuntime.Tensors;

namespace MonitorGen.OnnxRuntime.Mapping;

/// <summary>One model input or output as the mapping uses it: which member it comes from or goes to, and where its buffer is.</summary>
/// <param name="OnnxName">The name in the ONNX graph.</param>
/// <param name="Member">The record member, for messages and docs.</param>
/// <param name="ElementType">The tensor element type.</param>
/// <param name="Shape">The shape of the one-row tensor (symbolic dimensions bound to 1).</param>
/// <param name="BufferIndex">The index of its buffer among the buffers of <paramref name="ElementType"/>.</param>
internal sealed record TensorSpec(string OnnxName, string Member, TensorElementType ElementType, long[] Shape, int BufferIndex);
