using System;

namespace MonitorGen.Cli;

/// <summary>Bad input: reported as one line on stderr with exit code 2, never with a stack trace.</summary>
internal sealed class InputException : Exception
{
    public InputException(string message)
        : base(message)
    {
    }

    /// <summary>Formats <c>FILE:LINE: column 'NAME': message</c>; the parts that are unknown are left out.</summary>
    public static InputException At(string? file, long line, string? column, string message)
    {
        string where = file is null ? string.Empty : line > 0 ? $"{file}:{line}: " : $"{file}: ";
        string col = column is null ? string.Empty : $"column '{column}': ";
        return new InputException(where + col + message);
    }
}
