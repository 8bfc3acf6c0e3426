using System.IO;

namespace MonitorGen.IntegrationTests;

/// <summary>A throw-away consumer project that takes the packed packages from a local folder feed, as a user would.</summary>
internal static class ConsumerProject
{
    /// <summary>
    /// Writes a nuget.config with <paramref name="feed"/> as an extra source, and empty Directory.Build.props and
    /// Directory.Packages.props that keep the repository's build settings and central package management out.
    /// </summary>
    public static void Isolate(string directory, string feed)
    {
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="monitorgen-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />");
    }
}
