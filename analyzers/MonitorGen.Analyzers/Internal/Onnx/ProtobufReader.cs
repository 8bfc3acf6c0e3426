using System.Text;

namespace MonitorGen.Analyzers.Internal.Onnx;

/// <summary>
/// A bounds-checked reader of protobuf wire format over one message's bytes. Every read checks the remaining length
/// first; a problem sets <see cref="Error"/> (shared with the messages nested in this one) and returns false.
/// </summary>
internal sealed class ProtobufReader
{
    /// <summary>The longest string kept (names); longer ones are reported as malformed.</summary>
    public const int MaxStringBytes = 4096;

    private readonly ByteSource _source;
    private readonly ProtobufReader? _root;
    private readonly long _end;
    private string? _error;

    public ProtobufReader(ByteSource source)
        : this(source, null, 0, source.Length)
    {
    }

    private ProtobufReader(ByteSource source, ProtobufReader? root, long start, long end)
    {
        _source = source;
        _root = root;
        Position = start;
        _end = end;
    }

    /// <summary>The offset of the next byte.</summary>
    public long Position { get; private set; }

    /// <summary>Whether the message's bytes are all read.</summary>
    public bool AtEnd => Position >= _end;

    /// <summary>The first problem found in this message or any nested one, or null.</summary>
    public string? Error => _root is null ? _error ?? _source.Error : _root.Error;

    /// <summary>Reads a field's tag.</summary>
    public bool TryReadTag(out int field, out int wireType)
    {
        field = 0;
        wireType = 0;
        if (!TryReadVarint(out ulong tag))
        {
            return false;
        }

        wireType = (int)(tag & 7);
        ulong number = tag >> 3;
        if (number == 0 || number > 536_870_911)
        {
            return Fail($"a field number of {number} at offset {Position}");
        }

        field = (int)number;
        return true;
    }

    /// <summary>Reads a base-128 varint of at most ten bytes.</summary>
    public bool TryReadVarint(out ulong value)
    {
        value = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            if (Position >= _end)
            {
                return Fail($"the data ends inside a number at offset {Position} (truncated?)");
            }

            byte b = _source[Position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return _source.Error is null || Fail(_source.Error);
            }
        }

        return Fail($"a number longer than ten bytes at offset {Position}");
    }

    /// <summary>Reads a length-delimited field as a nested message.</summary>
    public bool TryReadMessage(out ProtobufReader message)
    {
        message = this;
        if (!TryReadLength(out long length))
        {
            return false;
        }

        message = new ProtobufReader(_source, _root ?? this, Position, Position + length);
        Position += length;
        return true;
    }

    /// <summary>Reads a length-delimited field as UTF-8 text of at most <see cref="MaxStringBytes"/> bytes.</summary>
    public bool TryReadString(out string value)
    {
        value = string.Empty;
        long start = Position;
        if (!TryReadLength(out long length))
        {
            return false;
        }

        if (length > MaxStringBytes)
        {
            return Fail($"a name of {length} bytes at offset {start} (at most {MaxStringBytes} are accepted)");
        }

        var bytes = new byte[length];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = _source[Position + i];
        }

        Position += length;
        if (_source.Error is not null)
        {
            return Fail(_source.Error);
        }

        value = Encoding.UTF8.GetString(bytes);
        return true;
    }

    /// <summary>Skips a field's value of the given wire type.</summary>
    public bool TrySkip(int wireType)
    {
        switch (wireType)
        {
            case 0:
                return TryReadVarint(out _);
            case 1:
                return TryAdvance(8);
            case 2:
                if (!TryReadLength(out long length))
                {
                    return false;
                }

                Position += length;
                return true;
            case 5:
                return TryAdvance(4);
            default:
                // Groups (3, 4) are not used by ONNX; 6 and 7 do not exist.
                return Fail($"wire type {wireType} at offset {Position} (not an ONNX file?)");
        }
    }

    /// <summary>Records a problem; always false.</summary>
    public bool Fail(string error)
    {
        ProtobufReader root = _root ?? this;
        root._error ??= error;
        return false;
    }

    private bool TryReadLength(out long length)
    {
        length = 0;
        long at = Position;
        if (!TryReadVarint(out ulong value))
        {
            return false;
        }

        if (value > (ulong)(_end - Position))
        {
            return Fail($"a length of {value} bytes at offset {at} runs past the end of its message (truncated?)");
        }

        length = (long)value;
        return true;
    }

    private bool TryAdvance(long count)
    {
        if (count > _end - Position)
        {
            return Fail($"the data ends inside a fixed-size value at offset {Position} (truncated?)");
        }

        Position += count;
        return true;
    }
}
