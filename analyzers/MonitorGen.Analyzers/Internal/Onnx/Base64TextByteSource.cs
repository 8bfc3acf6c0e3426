using Microsoft.CodeAnalysis.Text;

namespace MonitorGen.Analyzers.Internal.Onnx;

/// <summary>
/// The bytes of an <c>.onnx</c> file written as one line of base64 by the package's build step (the compiler refuses a
/// binary additional file with CS2015). Bytes are decoded on demand, four characters for three bytes, so that skipping a
/// 50 MB initializer costs nothing and only the graph's input section is ever decoded.
/// </summary>
internal sealed class Base64TextByteSource : ByteSource
{
    private readonly SourceText _text;
    private readonly long _length;
    private readonly int _lastGroupStart;
    private long _group = -1;
    private int _decoded;

    public Base64TextByteSource(SourceText text)
    {
        _text = text;
        int chars = text.Length;
        while (chars > 0 && IsWhiteSpace(text[chars - 1]))
        {
            chars--; // a final line break, if an editor added one
        }

        if (chars % 4 != 0)
        {
            Error = "the base64 text has a length that is not a multiple of 4";
            return;
        }

        int padding = chars >= 4 && text[chars - 1] == '=' ? (text[chars - 2] == '=' ? 2 : 1) : 0;
        _length = (chars / 4 * 3L) - padding;
        _lastGroupStart = chars - 4;
    }

    public override long Length => _length;

    public override byte this[long position]
    {
        get
        {
            long group = position / 3;
            if (group != _group)
            {
                Decode(group);
            }

            return (byte)(_decoded >> (8 * (2 - (int)(position % 3))));
        }
    }

    private void Decode(long group)
    {
        _group = group;
        _decoded = 0;
        if (Error is not null)
        {
            return;
        }

        int start = (int)(group * 4);
        int value = 0;
        for (int i = 0; i < 4; i++)
        {
            char c = _text[start + i];
            int sextet = c >= 'A' && c <= 'Z' ? c - 'A'
                : c >= 'a' && c <= 'z' ? c - 'a' + 26
                : c >= '0' && c <= '9' ? c - '0' + 52
                : c == '+' ? 62
                : c == '/' ? 63
                : c == '=' && start == _lastGroupStart ? 0
                : -1;
            if (sextet < 0)
            {
                Error = $"the base64 text has an invalid character at offset {start + i}";
                return;
            }

            value = (value << 6) | sextet;
        }

        _decoded = value;
    }

    private static bool IsWhiteSpace(char c) => c is '\n' or '\r' or ' ' or '\t';
}
