using System.ComponentModel;
using System.Numerics;
using MonitorGen.Onnx;
using MonitorGen.OnnxRuntime.Mapping;

namespace MonitorGen.OnnxRuntime;

/// <summary>
/// Generator support: copies one record's members into the model's input tensors, each by its ordinal in
/// <see cref="OnnxRecordShape.Inputs"/>. The session has checked every conversion when it started, so a write never fails.
/// </summary>
/// <remarks>
/// Numbers convert as C# casts do (.NET saturates a floating value into an integer type, and a decimal beyond an
/// integer type's range); a null <see cref="System.Nullable{T}"/> becomes NaN; an enum goes in as its integer code.
/// A member the model does not take is not written.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct OnnxInputWriter
{
    private readonly TensorBuffers _buffers;
    private readonly TensorSlot[] _slots;

    internal OnnxInputWriter(TensorBuffers buffers, TensorSlot[] slots)
    {
        _buffers = buffers;
        _slots = slots;
    }

    /// <summary>Writes a number.</summary>
    public void Write<T>(int member, T value)
        where T : struct, INumberBase<T>
    {
        TensorSlot slot = _slots[member];
        switch (slot.ElementType)
        {
            case OnnxElementTypes.Float:
                _buffers.Float[slot.BufferIndex][0] = float.CreateTruncating(value);
                break;
            case OnnxElementTypes.Double:
                _buffers.Double[slot.BufferIndex][0] = double.CreateTruncating(value);
                break;
            case OnnxElementTypes.Int64:
                _buffers.Int64[slot.BufferIndex][0] = long.CreateTruncating(value);
                break;
            case OnnxElementTypes.Int32:
                _buffers.Int32[slot.BufferIndex][0] = int.CreateTruncating(value);
                break;
        }
    }

    /// <summary>Writes a number, or NaN for null.</summary>
    public void Write<T>(int member, T? value)
        where T : struct, INumberBase<T>
    {
        if (value.HasValue)
        {
            Write(member, value.GetValueOrDefault());
            return;
        }

        TensorSlot slot = _slots[member];
        switch (slot.ElementType)
        {
            case OnnxElementTypes.Float:
                _buffers.Float[slot.BufferIndex][0] = float.NaN;
                break;
            case OnnxElementTypes.Double:
                _buffers.Double[slot.BufferIndex][0] = double.NaN;
                break;
        }
    }

    /// <summary>Writes a bool.</summary>
    public void Write(int member, bool value)
    {
        TensorSlot slot = _slots[member];
        if (slot.ElementType == OnnxElementTypes.Bool)
        {
            _buffers.Bool[slot.BufferIndex][0] = value;
        }
    }

    /// <summary>Writes an enum's value, as its underlying integer widened to <see cref="long"/>.</summary>
    public void WriteEnumCode(int member, long code)
    {
        TensorSlot slot = _slots[member];
        switch (slot.ElementType)
        {
            case OnnxElementTypes.Int64:
                _buffers.Int64[slot.BufferIndex][0] = code;
                break;
            case OnnxElementTypes.Int32:
                _buffers.Int32[slot.BufferIndex][0] = unchecked((int)code);
                break;
        }
    }
}
