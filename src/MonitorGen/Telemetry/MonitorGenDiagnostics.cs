using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MonitorGen.Telemetry;

/// <summary>The one <see cref="Meter"/> and <see cref="ActivitySource"/> that all MonitorGen telemetry goes through.</summary>
public static class MonitorGenDiagnostics
{
    /// <summary>The name of the meter and of the activity source: <c>MonitorGen</c>.</summary>
    public const string Name = "MonitorGen";

    private static readonly string? Version = typeof(MonitorGenDiagnostics).Assembly.GetName().Version?.ToString();

    /// <summary>The meter every MonitorGen instrument is created on. Add it to OpenTelemetry with <c>AddMeter("MonitorGen")</c>.</summary>
    public static Meter Meter { get; } = new(Name, Version);

    /// <summary>The activity source; add it with <c>AddSource("MonitorGen")</c>.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, Version);
}
