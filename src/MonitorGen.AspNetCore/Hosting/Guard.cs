using System;
using MonitorGen.Telemetry;

namespace MonitorGen.AspNetCore.Hosting;

/// <summary>Runs MonitorGen's own side work (logging) so that a failure in it is counted, never thrown into the host.</summary>
internal static class Guard
{
    /// <summary>Writes a log event; a logger that throws is counted on <c>monitorgen.self.errors</c> with source <c>log</c>.</summary>
    public static void Log(Action write) =>
        MonitorGenDiagnostics.Contain(write, static w => w(), SelfErrorSources.Log);
}
