using System;
using System.IO;

namespace MonitorGen.IntegrationTests;

/// <summary>The checkout the tests run from.</summary>
internal static class Repository
{
    /// <summary>The folder that holds <c>MonitorGen.sln</c>, above the test's output folder.</summary>
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MonitorGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MonitorGen.sln not found above " + AppContext.BaseDirectory);
    }
}
