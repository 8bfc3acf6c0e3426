using System;
using MonitorGen.Telemetry;

namespace OpenTelemetry.Trace;

/// <summary>Adds MonitorGen's activity source to a <see cref="TracerProviderBuilder"/> that the application owns.</summary>
public static class MonitorGenTracerProviderBuilderExtensions
{
    /// <summary>
    /// Listens to the <c>MonitorGen</c> activity source (for example the <c>predict {model}</c> spans of a monitored inference
    /// session). Use it in <c>WithTracing(t =&gt; t.AddMonitorGenInstrumentation())</c> when you configure OpenTelemetry yourself;
    /// <c>AddMonitorGen</c> calls it for you.
    /// </summary>
    public static TracerProviderBuilder AddMonitorGenInstrumentation(this TracerProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSource(MonitorGenDiagnostics.Name);
    }
}
