using System;
using System.IO;

namespace MonitorGen.Cli;

/// <summary>
/// A streaming RFC 4180 reader: comma-separated fields, optional double quotes around a field, <c>""</c> for a quote inside a
/// quoted field, line breaks inside quoted fields, and LF or CRLF record ends. It holds one buffer of the file and one record,
/// never the whole file, and reports the physical line (1-based) on which each record starts.
/// </summary>
/// <remarks>Completely blank lines are skipped. A quote inside an unquoted field is kept as a literal character (lenient);
/// a quoted field that is not followed by a comma or a line end, and a quote that is never closed, are errors.</remarks>
internal sealed class CsvReader : IDisposable
{
    private const int BufferSize = 1 << 16;
    private readonly TextReader reader;
    private readonly string fileName;
    private readonly char[] buffer = new char[BufferSize];
    private int position;
    private int length;
    private bool endOfInput;
    private long line = 1;
    private char[] fieldChars = new char[256];
    private int fieldCharCount;
    private int[] fieldStarts = new int[16];
    private int[] fieldLengths = new int[16];

    public CsvReader(TextReader reader, string fileName)
    {
        this.reader = reader;
        this.fileName = fileName;
    }

    /// <summary>The number of fields of the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The physical line on which the current record starts.</summary>
    public long RecordLine { get; private set; }

    /// <summary>Called with a field index when a field is malformed, to name its column in the message.</summary>
    public Func<int, string?>? ColumnNameOf { get; set; }

    /// <summary>Opens <paramref name="path"/> for streaming (UTF-8, BOM detected).</summary>
    public static CsvReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return new CsvReader(new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize), path);
    }

    /// <summary>Field <paramref name="index"/> of the current record, quotes removed.</summary>
    public ReadOnlySpan<char> Field(int index) => new(fieldChars, fieldStarts[index], fieldLengths[index]);

    /// <summary>Reads the next record.</summary>
    /// <returns><see langword="false"/> at the end of the file.</returns>
    /// <exception cref="InputException">An unterminated quote, or text after a closing quote.</exception>
    public bool Read()
    {
        while (true)
        {
            if (!EnsureData())
            {
                return false;
            }

            RecordLine = line;
            FieldCount = 0;
            fieldCharCount = 0;
            bool quotedSeen = ReadRecordFields();
            if (FieldCount == 1 && fieldLengths[0] == 0 && !quotedSeen)
            {
                continue; // a blank line
            }

            return true;
        }
    }

    public void Dispose() => reader.Dispose();

    // Returns whether any field was quoted.
    private bool ReadRecordFields()
    {
        bool anyQuoted = false;
        while (true)
        {
            int start = fieldCharCount;
            bool endOfRecord;
            if (EnsureData() && buffer[position] == '"')
            {
                anyQuoted = true;
                position++;
                endOfRecord = ReadQuoted();
            }
            else
            {
                endOfRecord = ReadUnquoted();
            }

            AddField(start, fieldCharCount - start);
            if (endOfRecord)
            {
                return anyQuoted;
            }
        }
    }

    // Reads up to a comma (returns false) or a record end (returns true).
    private bool ReadUnquoted()
    {
        while (EnsureData())
        {
            ReadOnlySpan<char> rest = buffer.AsSpan(position, length - position);
            int stop = rest.IndexOfAny(',', '\r', '\n');
            if (stop < 0)
            {
                Append(rest);
                position = length;
                continue;
            }

            Append(rest[..stop]);
            char c = rest[stop];
            position += stop + 1;
            if (c == ',')
            {
                return false;
            }

            EndLine(c);
            return true;
        }

        return true;
    }

    private bool ReadQuoted()
    {
        long startLine = line;
        int fieldIndex = FieldCount;
        while (true)
        {
            if (!EnsureData())
            {
                throw InputException.At(fileName, startLine, ColumnNameOf?.Invoke(fieldIndex) ?? $"#{fieldIndex + 1}",
                    "unterminated quoted field (the closing \" is missing)");
            }

            ReadOnlySpan<char> rest = buffer.AsSpan(position, length - position);
            int quote = rest.IndexOf('"');
            ReadOnlySpan<char> chunk = quote < 0 ? rest : rest[..quote];
            line += chunk.Count('\n');
            Append(chunk);
            if (quote < 0)
            {
                position = length;
                continue;
            }

            position += quote + 1;
            if (EnsureData() && buffer[position] == '"')
            {
                Append("\"");
                position++;
                continue;
            }

            // After the closing quote: a comma, a record end, or the end of the file.
            if (!EnsureData())
            {
                return true;
            }

            char c = buffer[position++];
            if (c == ',')
            {
                return false;
            }

            if (c is '\r' or '\n')
            {
                EndLine(c);
                return true;
            }

            throw InputException.At(fileName, line, ColumnNameOf?.Invoke(fieldIndex) ?? $"#{fieldIndex + 1}",
                $"unexpected character '{c}' after a closing quote (a quote inside a quoted field must be doubled)");
        }
    }

    private void EndLine(char c)
    {
        if (c == '\r' && EnsureData() && buffer[position] == '\n')
        {
            position++;
        }

        line++;
    }

    private bool EnsureData()
    {
        if (position < length)
        {
            return true;
        }

        if (endOfInput)
        {
            return false;
        }

        length = reader.Read(buffer, 0, buffer.Length);
        position = 0;
        if (length <= 0)
        {
            length = 0;
            endOfInput = true;
            return false;
        }

        return true;
    }

    private void Append(ReadOnlySpan<char> chars)
    {
        if (fieldCharCount + chars.Length > fieldChars.Length)
        {
            Array.Resize(ref fieldChars, Math.Max(fieldChars.Length * 2, fieldCharCount + chars.Length));
        }

        chars.CopyTo(fieldChars.AsSpan(fieldCharCount));
        fieldCharCount += chars.Length;
    }

    private void AddField(int start, int count)
    {
        if (FieldCount == fieldStarts.Length)
        {
            Array.Resize(ref fieldStarts, fieldStarts.Length * 2);
            Array.Resize(ref fieldLengths, fieldLengths.Length * 2);
        }

        fieldStarts[FieldCount] = start;
        fieldLengths[FieldCount] = count;
        FieldCount++;
    }
}
