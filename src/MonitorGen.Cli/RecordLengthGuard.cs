using System;
using System.IO;

namespace MonitorGen.Cli;

/// <summary>
/// A reader between the file and Sep that refuses a record longer than <see cref="MaxRecordChars"/>: an unterminated quote
/// near the top of a file would otherwise make Sep buffer the rest of the file as one field before failing.
/// </summary>
/// <remarks>
/// Sep has no limit of its own. The guard tracks what Sep will read: quotes toggle a quoted run (a doubled quote toggles
/// twice) and a line feed outside one ends a record. A scan for the two characters (vectorized by <c>IndexOfAny</c>) costs
/// little beside parsing the numbers.
/// </remarks>
internal sealed class RecordLengthGuard : TextReader
{
    /// <summary>The longest record accepted, in characters: 1 Mi, so Sep's buffer stays a few megabytes.</summary>
    public const int MaxRecordChars = 1 << 20;

    private readonly TextReader _inner;
    private readonly string _path;
    private bool _quoted;
    private long _recordChars;
    private long _line = 1;
    private long _recordLine = 1;

    public RecordLengthGuard(TextReader inner, string path)
    {
        _inner = inner;
        _path = path;
    }

    public override int Read(Span<char> buffer)
    {
        int read = _inner.Read(buffer);
        Track(buffer[..read]);
        return read;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Peek() => _inner.Peek();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Track(ReadOnlySpan<char> chars)
    {
        while (true)
        {
            int next = chars.IndexOfAny('"', '\n');
            if (next < 0)
            {
                _recordChars += chars.Length;
                break;
            }

            _recordChars += next + 1;
            if (chars[next] == '"')
            {
                _quoted = !_quoted;
            }
            else
            {
                _line++;
                if (!_quoted)
                {
                    Check();
                    _recordChars = 0;
                    _recordLine = _line;
                }
            }

            chars = chars[(next + 1)..];
        }

        Check();
    }

    private void Check()
    {
        if (_recordChars > MaxRecordChars)
        {
            throw InputException.At(_path, _recordLine, null, _quoted
                ? $"a quoted field opened in the record on this line is not closed within {MaxRecordChars:N0} characters (an unterminated quote?)"
                : $"the record on this line is longer than {MaxRecordChars:N0} characters");
        }
    }
}
