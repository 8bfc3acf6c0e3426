using System;

namespace MonitorGen;

/// <summary>A saved window state (<see cref="MonitorOptions.StatePath"/>) is corrupt, of another format version, or was
/// observed against another schema or profile, and was refused.</summary>
public sealed class MonitorStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MonitorStateException(string path, string problem, Exception? inner = null)
        : base($"Monitor state '{path}': {problem}", inner)
    {
        StatePath = path;
        Problem = problem;
    }

    /// <summary>The state file.</summary>
    public string StatePath { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
