using System;
using System.Collections.Generic;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MonitorGen.OnnxRuntime.Mapping;

/// <summary>
/// One caller's pre-allocated run state: pinned input and output buffers, the <see cref="OrtValue"/>s over them, and an
/// <see cref="OrtIoBinding"/> that binds both once. A run is then one native call that reads the inputs and writes the
/// outputs in place: nothing is allocated per call on the managed side.
/// </summary>
/// <remarks>Not thread-safe: a slot serves one call at a time, which the session's pool guarantees.</remarks>
internal sealed class InferenceSlot : IDisposable
{
    private readonly List<OrtValue> _values = [];

    public InferenceSlot(InferenceSession session, IReadOnlyList<TensorSpec> inputs, IReadOnlyList<TensorSpec> outputs)
    {
        Inputs = new TensorBuffers(inputs);
        Outputs = new TensorBuffers(outputs);
        Binding = session.CreateIoBinding();
        try
        {
            foreach (TensorSpec spec in inputs)
            {
                Binding.BindInput(spec.OnnxName, CreateValue(Inputs, spec));
            }

            foreach (TensorSpec spec in outputs)
            {
                Binding.BindOutput(spec.OnnxName, CreateValue(Outputs, spec));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public TensorBuffers Inputs { get; }

    public TensorBuffers Outputs { get; }

    public OrtIoBinding Binding { get; }

    public void Dispose()
    {
        Binding.Dispose();
        foreach (OrtValue value in _values)
        {
            value.Dispose();
        }

        _values.Clear();
    }

    private OrtValue CreateValue(TensorBuffers buffers, TensorSpec spec)
    {
        OrtMemoryInfo cpu = OrtMemoryInfo.DefaultInstance;
        OrtValue value = spec.ElementType switch
        {
            TensorElementType.Float => OrtValue.CreateTensorValueFromMemory(cpu, new Memory<float>(buffers.Float[spec.BufferIndex]), spec.Shape),
            TensorElementType.Double => OrtValue.CreateTensorValueFromMemory(cpu, new Memory<double>(buffers.Double[spec.BufferIndex]), spec.Shape),
            TensorElementType.Int64 => OrtValue.CreateTensorValueFromMemory(cpu, new Memory<long>(buffers.Int64[spec.BufferIndex]), spec.Shape),
            TensorElementType.Int32 => OrtValue.CreateTensorValueFromMemory(cpu, new Memory<int>(buffers.Int32[spec.BufferIndex]), spec.Shape),
            _ => OrtValue.CreateTensorValueFromMemory(cpu, new Memory<bool>(buffers.Bool[spec.BufferIndex]), spec.Shape),
        };
        _values.Add(value);
        return value;
    }
}
