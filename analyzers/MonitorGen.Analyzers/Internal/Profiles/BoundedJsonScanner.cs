using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace MonitorGen.Analyzers.Internal.Profiles;

/// <summary>
/// The lexical layer of a JSON reader that runs inside the compiler: it never recurses, never allocates more than the
/// strings it is asked to keep (and those are capped), and reports every problem as a message and an offset.
/// </summary>
internal sealed class BoundedJsonScanner
{
    /// <summary>The longest string that can be kept (a name); a longer one is reported. Skipped strings have no limit.</summary>
    public const int MaxKeptStringLength = 4096;

    private const int WindowSize = 4096;

    private static readonly string[] Literals = { "true", "false", "null" };

    private readonly SourceText _text;
    private readonly int _length;
    private readonly StringBuilder _buffer = new();

    // A window of the text: SourceText's indexer costs a chunk lookup per character on large (file-backed) texts.
    private readonly char[] _window = new char[WindowSize];
    private int _windowStart;
    private int _windowLength;

    public BoundedJsonScanner(SourceText text)
    {
        _text = text;
        _length = text.Length;
    }

    /// <summary>The current offset.</summary>
    public int Position { get; private set; }

    /// <summary>The problem found, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>Where the problem was found.</summary>
    public int ErrorPosition { get; private set; } = -1;

    /// <summary>Whether the whole text has been consumed.</summary>
    public bool AtEnd => Position >= _length;

    /// <summary>The current character, or '\0' at the end.</summary>
    public char Peek() => Position < _length ? At(Position) : '\0';

    /// <summary>Skips JSON white space.</summary>
    public void SkipWhiteSpace()
    {
        while (Position < _length)
        {
            char c = At(Position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            {
                return;
            }

            Position++;
        }
    }

    /// <summary>Consumes <paramref name="expected"/> after white space, or fails.</summary>
    public bool Expect(char expected)
    {
        SkipWhiteSpace();
        if (Peek() == expected && !AtEnd)
        {
            Position++;
            return true;
        }

        return Fail(AtEnd ? $"the file ends where '{expected}' was expected (truncated?)" : $"expected '{expected}' but found '{Show(Peek())}'");
    }

    /// <summary>Records a problem at the current position; always false.</summary>
    public bool Fail(string error) => FailAt(error, Position);

    /// <summary>Records a problem at <paramref name="position"/>; always false.</summary>
    public bool FailAt(string error, int position)
    {
        if (Error is null)
        {
            Error = error;
            ErrorPosition = position;
        }

        return false;
    }

    /// <summary>Reads a string token (the opening quote is current); keeps it in <paramref name="value"/> when asked.</summary>
    public bool ReadString(bool keep, out string? value)
    {
        value = null;
        Position++; // the opening quote
        _buffer.Clear();
        while (Position < _length)
        {
            char c = At(Position++);
            if (c == '"')
            {
                if (keep)
                {
                    value = _buffer.ToString();
                }

                return true;
            }

            if (c < ' ')
            {
                Position--;
                return Fail("a control character inside a string");
            }

            if (c == '\\')
            {
                if (Position >= _length)
                {
                    break;
                }

                char escape = At(Position++);
                switch (escape)
                {
                    case '"': case '\\': case '/': c = escape; break;
                    case 'b': c = '\b'; break;
                    case 'f': c = '\f'; break;
                    case 'n': c = '\n'; break;
                    case 'r': c = '\r'; break;
                    case 't': c = '\t'; break;
                    case 'u':
                        if (!ReadHex4(out c))
                        {
                            return false;
                        }

                        break;
                    default:
                        Position--;
                        return Fail($"an invalid escape '\\{Show(escape)}' in a string");
                }
            }

            if (keep)
            {
                if (_buffer.Length == MaxKeptStringLength)
                {
                    return Fail($"a name longer than {MaxKeptStringLength} characters");
                }

                _buffer.Append(c);
            }
        }

        return Fail("the file ends inside a string (truncated?)");
    }

    /// <summary>Reads a number token; returns its text span.</summary>
    public bool ReadNumber(out TextSpan span)
    {
        int start = Position;
        span = default;
        if (Peek() == '-')
        {
            Position++;
        }

        if (!SkipDigits(allowLeadingZero: false))
        {
            return Fail("a malformed number");
        }

        if (Peek() == '.')
        {
            Position++;
            if (!SkipDigits(allowLeadingZero: true))
            {
                return Fail("a malformed number");
            }
        }

        if (Peek() is 'e' or 'E')
        {
            Position++;
            if (Peek() is '+' or '-')
            {
                Position++;
            }

            if (!SkipDigits(allowLeadingZero: true))
            {
                return Fail("a malformed number");
            }
        }

        span = TextSpan.FromBounds(start, Position);
        return true;
    }

    /// <summary>Reads <c>true</c>, <c>false</c> or <c>null</c>.</summary>
    public bool ReadLiteral()
    {
        foreach (string literal in Literals)
        {
            if (Matches(literal))
            {
                Position += literal.Length;
                return true;
            }
        }

        return Fail($"unexpected '{Show(Peek())}'");
    }

    private char At(int position)
    {
        int offset = position - _windowStart;
        if ((uint)offset >= (uint)_windowLength)
        {
            _windowStart = position;
            _windowLength = System.Math.Min(WindowSize, _length - position);
            _text.CopyTo(position, _window, 0, _windowLength);
            offset = 0;
        }

        return _window[offset];
    }

    /// <summary>The text of a span.</summary>
    public string TextOf(TextSpan span) => _text.ToString(span);

    private bool Matches(string literal)
    {
        if (Position + literal.Length > _length)
        {
            return false;
        }

        for (int i = 0; i < literal.Length; i++)
        {
            if (At(Position + i) != literal[i])
            {
                return false;
            }
        }

        return true;
    }

    private bool SkipDigits(bool allowLeadingZero)
    {
        int start = Position;
        while (Position < _length && At(Position) >= '0' && At(Position) <= '9')
        {
            Position++;
        }

        int count = Position - start;
        return count > 0 && (allowLeadingZero || count == 1 || At(start) != '0');
    }

    private bool ReadHex4(out char c)
    {
        c = '\0';
        int value = 0;
        for (int i = 0; i < 4; i++)
        {
            if (Position >= _length)
            {
                return Fail("the file ends inside a string (truncated?)");
            }

            char h = At(Position++);
            int digit = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
            if (digit < 0)
            {
                Position--;
                return Fail("an invalid \\u escape in a string");
            }

            value = (value << 4) | digit;
        }

        c = (char)value;
        return true;
    }

    private static string Show(char c) => c < ' ' || c > '~' ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString();
}
