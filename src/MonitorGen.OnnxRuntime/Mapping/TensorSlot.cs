using MonitorGen.Onnx;

namespace MonitorGen.OnnxRuntime.Mapping;

/// <summary>Where one record member's value goes or comes from: a buffer of one element type.</summary>
/// <param name="ElementType">The tensor's element type (<see cref="OnnxElementTypes"/>), or <see cref="OnnxElementTypes.Undefined"/> for a member the model does not take.</param>
/// <param name="BufferIndex">The index of its buffer among the buffers of <paramref name="ElementType"/>.</param>
internal readonly record struct TensorSlot(int ElementType, int BufferIndex);
