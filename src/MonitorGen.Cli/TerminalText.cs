using System;
using System.Globalization;
using System.Text;

namespace MonitorGen.Cli;

/// <summary>Makes text from a file safe to print: a control character in a field or a column name must not reach the terminal.</summary>
internal static class TerminalText
{
    /// <summary>
    /// Replaces each control character (C0, DEL, C1, and the bidirectional overrides that reorder what a terminal shows)
    /// with a visible escape: <c>\t</c>, <c>\n</c>, <c>\r</c>, <c>\e</c>, or <c>\u{XXXX}</c>. Other text is unchanged.
    /// </summary>
    public static string Escape(string text)
    {
        int first = 0;
        while (first < text.Length && !IsUnsafe(text[first]))
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8).Append(text, 0, first);
        foreach (char c in text.AsSpan(first))
        {
            if (!IsUnsafe(c))
            {
                escaped.Append(c);
                continue;
            }

            escaped.Append(c switch
            {
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                '\u001B' => "\\e",
                _ => string.Create(CultureInfo.InvariantCulture, $"\\u{{{(int)c:X4}}}"),
            });
        }

        return escaped.ToString();
    }

    private static bool IsUnsafe(char c) => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
