using System.ComponentModel;
using System.Numerics;
using MonitorGen.Onnx;
using MonitorGen.OnnxRuntime.Mapping;

namespace MonitorGen.OnnxRuntime;

/// <summary>
/// Generator support: reads the model's output tensors into the members of a new record, each by its ordinal in
/// <see cref="OnnxRecordShape.Outputs"/>. The session has checked every conversion when it started.
/// </summary>
/// <remarks>Numbers convert as C# casts do; an enum is read as the integer code it is cast from.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct OnnxOutputReader
{
    private readonly TensorBuffers _buffers;
    private readonly TensorSlot[] _slots;

    internal OnnxOutputReader(TensorBuffers buffers, TensorSlot[] slots)
    {
        _buffers = buffers;
        _slots = slots;
    }

    /// <summary>Reads a number.</summary>
    public T Read<T>(int member)
        where T : struct, INumberBase<T>
    {
        TensorSlot slot = _slots[member];
        return slot.ElementType switch
        {
            OnnxElementTypes.Float => T.CreateTruncating(_buffers.Float[slot.BufferIndex][0]),
            OnnxElementTypes.Double => T.CreateTruncating(_buffers.Double[slot.BufferIndex][0]),
            OnnxElementTypes.Int64 => T.CreateTruncating(_buffers.Int64[slot.BufferIndex][0]),
            OnnxElementTypes.Int32 => T.CreateTruncating(_buffers.Int32[slot.BufferIndex][0]),
            _ => default,
        };
    }

    /// <summary>Reads a bool.</summary>
    public bool ReadBoolean(int member)
    {
        TensorSlot slot = _slots[member];
        return slot.ElementType == OnnxElementTypes.Bool && _buffers.Bool[slot.BufferIndex][0];
    }

    /// <summary>Reads the integer code an enum member is cast from.</summary>
    public long ReadEnumCode(int member)
    {
        TensorSlot slot = _slots[member];
        return slot.ElementType switch
        {
            OnnxElementTypes.Int64 => _buffers.Int64[slot.BufferIndex][0],
            OnnxElementTypes.Int32 => _buffers.Int32[slot.BufferIndex][0],
            _ => 0,
        };
    }
}
