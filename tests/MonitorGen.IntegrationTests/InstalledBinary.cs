using System;
using System.IO;
using System.Linq;

namespace MonitorGen.IntegrationTests;

/// <summary>Finds an installed program (Prometheus, promtool, Alertmanager): an override variable, the PATH, or /usr/bin.</summary>
internal static class InstalledBinary
{
    /// <summary>The program's path, or null when it is not installed.</summary>
    /// <param name="name">The executable's name, such as <c>promtool</c>.</param>
    /// <param name="overrideVariable">An environment variable that, when set, names the binary instead.</param>
    public static string? Find(string name, string? overrideVariable = null)
    {
        if (overrideVariable is not null && Environment.GetEnvironmentVariable(overrideVariable) is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The program's path; skips the calling test when it is not installed, or fails it when
    /// <paramref name="requireVariable"/> is 1.</summary>
    public static string Require(string name, string package, string requireVariable, string? overrideVariable = null)
    {
        if (Find(name, overrideVariable) is { } binary)
        {
            return binary;
        }

        MissingPrerequisite.SkipOrFail(
            $"{name} is not installed (not on the PATH or in /usr/bin{(overrideVariable is null ? "" : $", nor at ${overrideVariable}")}); on Debian: apt-get install {package}.",
            requireVariable);
        return null!;
    }
}
