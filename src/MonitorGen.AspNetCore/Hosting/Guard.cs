using System;
using MonitorGen.Telemetry;

namespace MonitorGen.AspNetCore;

/// <summary>Runs MonitorGen's own side work (logging) so that a failure in it is counted, never thrown into the host.</summary>
internal static class Guard
{
    /// <summary>Writes a log event; a logger that throws is counted on <c>monitorgen.self.errors</c> with source <c>log</c>.</summary>
    public static void Log(Action write)
    {
        try
        {
            write();
        }
#pragma warning disable CA1031 // A broken log sink must not fail a request or the drift schedule.
        catch (Exception)
#pragma warning restore CA1031
        {
            MonitorGenDiagnostics.CountSelfError(SelfErrorSources.Log);
        }
    }
}
