using System.Collections.Generic;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML.OnnxRuntime;

namespace MonitorGen.OnnxRuntime.Mapping;

/// <summary>Creates the slots of a session's pool; a returned slot is always reusable (its buffers are overwritten per call).</summary>
internal sealed class InferenceSlotPolicy(InferenceSession session, IReadOnlyList<TensorSpec> inputs, IReadOnlyList<TensorSpec> outputs)
    : IPooledObjectPolicy<InferenceSlot>
{
    public InferenceSlot Create() => new(session, inputs, outputs);

    public bool Return(InferenceSlot obj) => true;
}
