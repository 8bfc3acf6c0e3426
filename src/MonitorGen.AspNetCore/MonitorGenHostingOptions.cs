using System;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MonitorGen.AspNetCore;

/// <summary>How MonitorGen runs inside an ASP.NET Core host: the background drift checks and the health endpoint.</summary>
public sealed class MonitorGenHostingOptions
{
    /// <summary>The tag of every health check that <c>AddModelMonitor</c> registers.</summary>
    public const string HealthCheckTag = "monitorgen";

    /// <summary>How often the hosted <see cref="DriftCheckService"/> closes every monitor's window. Default one minute.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether the hosted <see cref="DriftCheckService"/> checks drift on its own. Default true; when false, only
    /// <c>POST {prefix}/monitorgen/drift/check</c> (or your own calls to <see cref="ModelMonitor.CheckDrift"/>) close windows.</summary>
    public bool EnableBackgroundChecks { get; set; } = true;

    /// <summary>
    /// The HTTP status code of <c>GET {prefix}/health</c> when a model is Degraded (its dataset drifted). Default 200, so that
    /// drift alone does not take an instance out of a load balancer; set 503 to make drift fail the probe.
    /// </summary>
    public int DegradedStatusCode { get; set; } = 200;

    /// <summary>The HTTP status code of <c>GET {prefix}/health</c> when a model is Unhealthy. Default 503.</summary>
    public int UnhealthyStatusCode { get; set; } = 503;

    /// <summary>
    /// Which health checks <c>GET {prefix}/health</c> runs. Default null: only those tagged <see cref="HealthCheckTag"/>,
    /// that is the model checks that <c>AddModelMonitor</c> registered.
    /// </summary>
    public Func<HealthCheckRegistration, bool>? HealthCheckPredicate { get; set; }

    /// <summary>Whether the JSON responses are indented. Default false.</summary>
    public bool WriteIndented { get; set; }

    internal string? Validate()
    {
        if (CheckInterval <= TimeSpan.Zero || CheckInterval == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return $"MonitorGenHostingOptions.CheckInterval must be positive and finite (was {CheckInterval}).";
        }

        if (DegradedStatusCode is < 100 or > 599)
        {
            return $"MonitorGenHostingOptions.DegradedStatusCode must be an HTTP status code (was {DegradedStatusCode}).";
        }

        if (UnhealthyStatusCode is < 100 or > 599)
        {
            return $"MonitorGenHostingOptions.UnhealthyStatusCode must be an HTTP status code (was {UnhealthyStatusCode}).";
        }

        return null;
    }
}

/// <summary>Validates <see cref="MonitorGenHostingOptions"/> at start-up.</summary>
internal sealed class MonitorGenHostingOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<MonitorGenHostingOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, MonitorGenHostingOptions options) =>
        options.Validate() is { } error
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Fail(error)
            : Microsoft.Extensions.Options.ValidateOptionsResult.Success;
}
