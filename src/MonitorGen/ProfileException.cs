using System;

namespace MonitorGen;

/// <summary>A reference profile is corrupt, of another format version, or does not match the monitored type.</summary>
public sealed class ProfileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProfileException(string source, string problem, Exception? inner = null)
        : base($"Profile '{source}': {problem}", inner)
    {
        ProfileSource = source;
        Problem = problem;
    }

    /// <summary>The file or stream name.</summary>
    public string ProfileSource { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
