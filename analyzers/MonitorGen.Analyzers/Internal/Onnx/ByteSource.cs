namespace MonitorGen.Analyzers.Internal.Onnx;

/// <summary>Random access to the bytes of a model file, however they reached the compiler.</summary>
internal abstract class ByteSource
{
    /// <summary>The number of bytes.</summary>
    public abstract long Length { get; }

    /// <summary>Why the bytes could not be decoded, or null. A source that fails returns zeros from then on.</summary>
    public string? Error { get; protected set; }

    /// <summary>The byte at <paramref name="position"/>, which callers keep within [0, <see cref="Length"/>).</summary>
    public abstract byte this[long position] { get; }
}

/// <summary>Bytes held in memory (tests, fuzzing).</summary>
internal sealed class ArrayByteSource : ByteSource
{
    private readonly byte[] _bytes;

    public ArrayByteSource(byte[] bytes) => _bytes = bytes;

    public override long Length => _bytes.Length;

    public override byte this[long position] => _bytes[position];
}
