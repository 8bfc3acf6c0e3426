using System;
using System.Globalization;
using System.IO;
using nietras.SeparatedValues;

namespace MonitorGen.Cli;

/// <summary>
/// Streams the records of an RFC 4180 file through Sep: comma-separated fields, double quotes around a field, <c>""</c> for a
/// quote inside a quoted field, line breaks inside quoted fields, LF or CRLF record ends. Sep holds one buffer of the file and
/// one record, never the whole file; this class adds what the CLI's messages need: the physical line (1-based) on which each
/// record starts, the column of a malformed field, and a refusal of what Sep would read leniently.
/// </summary>
/// <remarks>
/// Completely blank lines are skipped, except in a file of one column (<see cref="EmptyLineIsRecord"/>). Quotes are checked field by field, since Sep parses them without validating: a quote
/// that is never closed, text after a closing quote, and a quote inside an unquoted field are errors. The last would
/// otherwise open a quoted run in Sep's reading and could join two records into one without any other sign.
/// </remarks>
internal sealed class CsvReader : IDisposable
{
    private const int BufferSize = 1 << 16;
    private readonly SepReader reader;
    private readonly TextReader text;
    private readonly string fileName;
    private char[] unescaped = new char[256];
    private int[] starts = new int[16];
    private int[] lengths = new int[16];
    private bool[] quoted = new bool[16];

    private CsvReader(SepReader reader, TextReader text, string fileName)
    {
        this.reader = reader;
        this.text = text;
        this.fileName = fileName;
    }

    /// <summary>The number of fields of the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The physical line on which the current record starts.</summary>
    public long RecordLine { get; private set; }

    /// <summary>
    /// Whether an empty line is a record of one empty field rather than a blank line to skip: true for a file of one column,
    /// where the empty line is that column's missing value (RFC 4180). False by default, and while the header is read.
    /// </summary>
    public bool EmptyLineIsRecord { get; set; }

    /// <summary>Called with a field index when a field is malformed, to name its column in the message.</summary>
    public Func<int, string?>? ColumnNameOf { get; set; }

    /// <summary>Opens <paramref name="path"/> for streaming (UTF-8, BOM detected).</summary>
    public static CsvReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        var text = new RecordLengthGuard(new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize), path);
        try
        {
            SepReader reader = Sep.New(',').Reader(options => options with
            {
                HasHeader = false,
                DisableColCountCheck = true,
                CultureInfo = CultureInfo.InvariantCulture,
            }).From(text);
            return new CsvReader(reader, text, path);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>Field <paramref name="index"/> of the current record, quotes removed.</summary>
    public ReadOnlySpan<char> Field(int index)
    {
        ReadOnlySpan<char> raw = reader.Current[index].Span;
        return quoted[index] ? unescaped.AsSpan(starts[index], lengths[index]) : raw;
    }

    /// <summary>Reads the next record.</summary>
    /// <returns><see langword="false"/> at the end of the file.</returns>
    /// <exception cref="InputException">An unterminated quote, text after a closing quote, or a quote in an unquoted field.</exception>
    public bool Read()
    {
        while (reader.MoveNext())
        {
            SepReader.Row row = reader.Current;
            if (row.ColCount == 1 && row.Span.Length == 0 && !EmptyLineIsRecord)
            {
                continue; // a blank line
            }

            RecordLine = row.LineNumberFrom;
            FieldCount = row.ColCount;
            Unquote(row);
            return true;
        }

        return false;
    }

    public void Dispose()
    {
        reader.Dispose();
        text.Dispose();
    }

    // Checks every field's quotes and writes the unquoted text of quoted fields into one buffer for the record.
    private void Unquote(SepReader.Row row)
    {
        if (starts.Length < FieldCount)
        {
            int size = Math.Max(FieldCount, starts.Length * 2);
            Array.Resize(ref starts, size);
            Array.Resize(ref lengths, size);
            Array.Resize(ref quoted, size);
        }

        if (!row.Span.Contains('"'))
        {
            // No quote in the record (the usual case): nothing to check or unescape.
            quoted.AsSpan(0, FieldCount).Clear();
            return;
        }

        int used = 0;
        for (int i = 0; i < FieldCount; i++)
        {
            ReadOnlySpan<char> raw = row[i].Span;
            quoted[i] = raw.Length > 0 && raw[0] == '"';
            if (!quoted[i])
            {
                if (raw.Contains('"'))
                {
                    throw Malformed(i, "a quote inside an unquoted field (quote the whole field and double the quote)");
                }

                continue;
            }

            if (unescaped.Length < used + raw.Length)
            {
                Array.Resize(ref unescaped, Math.Max(used + raw.Length, unescaped.Length * 2));
            }

            starts[i] = used;
            int k = 1;
            while (true)
            {
                int quote = raw[k..].IndexOf('"');
                if (quote < 0)
                {
                    throw Malformed(i, "unterminated quoted field (the closing \" is missing)");
                }

                raw.Slice(k, quote).CopyTo(unescaped.AsSpan(used));
                used += quote;
                k += quote + 1;
                if (k == raw.Length)
                {
                    break;
                }

                if (raw[k] != '"')
                {
                    throw Malformed(i, $"unexpected character '{raw[k]}' after a closing quote (a quote inside a quoted field must be doubled)");
                }

                unescaped[used++] = '"';
                k++;
            }

            lengths[i] = used - starts[i];
        }
    }

    private InputException Malformed(int field, string problem) =>
        InputException.At(fileName, RecordLine, ColumnNameOf?.Invoke(field) ?? $"#{field + 1}", problem);
}
