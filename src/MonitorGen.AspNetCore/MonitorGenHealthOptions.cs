namespace MonitorGen.AspNetCore;

/// <summary>The HTTP status codes of the MonitorGen health endpoints (section <c>MonitorGen:Health</c>).</summary>
/// <remarks><c>MapHealthChecks</c> alone answers 200 for Degraded; MonitorGen always sets the codes explicitly.</remarks>
public sealed class MonitorGenHealthOptions
{
    /// <summary>The status code when the worst check is Healthy. Default 200.</summary>
    public int HealthyStatusCode { get; set; } = 200;

    /// <summary>
    /// The status code when the worst check is Degraded (a model's dataset drifted). Default 200, so that drift alone does
    /// not take an instance out of a load balancer; set 503 to make drift fail the probe.
    /// </summary>
    public int DegradedStatusCode { get; set; } = 200;

    /// <summary>The status code when a check is Unhealthy (data-quality limit exceeded, profile or model not loaded). Default 503.</summary>
    public int UnhealthyStatusCode { get; set; } = 503;
}
