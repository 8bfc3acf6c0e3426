using System;
using System.Collections.Generic;

namespace MonitorGen.AspNetCore;

/// <summary>
/// How MonitorGen runs inside a host: the drift-check schedule, the endpoints and the telemetry export. Bound from the
/// configuration section <see cref="SectionName"/> (appsettings, environment variables such as
/// <c>MonitorGen__CheckInterval</c>), then from the delegate given to <c>AddMonitorGen</c>; validated when the host starts.
/// </summary>
public sealed class MonitorGenOptions
{
    /// <summary>The configuration section the options are bound from: <c>MonitorGen</c>.</summary>
    public const string SectionName = "MonitorGen";

    /// <summary>How often the hosted <see cref="DriftCheckService"/> runs a round of drift checks. Default one minute.</summary>
    /// <remarks>A model with <see cref="Windows.WindowPolicy.Manual"/> windows is checked every round, so this is its window;
    /// a model with a count, time or sliding policy is checked when its window is due, so this is how often it is polled.</remarks>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether the hosted <see cref="DriftCheckService"/> checks drift on its own. Default true; when false, only
    /// <c>POST {prefix}/monitoring/drift/check</c> (or your own calls to <see cref="ModelMonitor.CheckDrift"/>) close windows.</summary>
    public bool EnableBackgroundChecks { get; set; } = true;

    /// <summary>
    /// The authorization policy that the management endpoints (drift health, drift reports, the manual check) require.
    /// Default null: then they require an authenticated user (the default policy), unless
    /// <see cref="AllowAnonymousManagement"/> opts out. The liveness, readiness and metrics endpoints stay anonymous either
    /// way. The policy must be registered with <c>AddAuthorization</c>; <c>MapMonitorGen</c> fails if it is not.
    /// </summary>
    public string? AuthorizationPolicy { get; set; }

    /// <summary>
    /// <b>Unsafe.</b> Whether the management endpoints answer anonymous callers when no <see cref="AuthorizationPolicy"/>
    /// is set. Default false: they require authorization, and <c>MapMonitorGen</c> fails at start-up when authorization is
    /// not registered. With true, anyone who reaches the service can read the drift reports and trigger checks.
    /// </summary>
    public bool AllowAnonymousManagement { get; set; }

    /// <summary>
    /// The shortest time between two checks run by <c>POST {prefix}/monitoring/drift/check</c>. A request inside it is
    /// answered 429 with <c>Retry-After</c>; requests that arrive while a check runs share that check. Default one second.
    /// </summary>
    public TimeSpan ManualCheckMinimumInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether stopping the host runs a final drift check of every open window (whatever its policy) and then flushes the
    /// OpenTelemetry exporters, so that a deploy loses neither the rows of the open window nor their export. Default true.
    /// </summary>
    public bool CheckOnShutdown { get; set; } = true;

    /// <summary>Whether the JSON responses are indented. Default false.</summary>
    public bool WriteIndented { get; set; }

    /// <summary>
    /// Per-model settings, by the model's <c>[Monitor]</c> name, for example <c>MonitorGen:Models:seattle-weather:Volume:PredictionsPerMinute</c>.
    /// A name that no registered monitor has fails start-up.
    /// </summary>
    public IDictionary<string, MonitorGenModelOptions> Models { get; } = new Dictionary<string, MonitorGenModelOptions>(StringComparer.Ordinal);

    /// <summary>The HTTP status codes of the health endpoints.</summary>
    public MonitorGenHealthOptions Health { get; set; } = new();

    /// <summary>The Prometheus scraping endpoint.</summary>
    public MonitorGenPrometheusOptions Prometheus { get; set; } = new();

    /// <summary>OTLP export of the metrics and traces; off until an endpoint is set.</summary>
    public MonitorGenOtlpOptions Otlp { get; set; } = new();
}
