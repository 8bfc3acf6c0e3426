using System;
using System.IO;

namespace MonitorGen.IntegrationTests;

/// <summary>The temporary folders of the servers the tests start.</summary>
internal static class TempDirectory
{
    /// <summary>Deletes a folder, best effort: a temporary folder left behind is not worth failing a test for.</summary>
    public static void Delete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
