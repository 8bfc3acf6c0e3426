using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MonitorGen.OnnxRuntime.Health;

/// <summary>
/// Readiness of a monitored ONNX model: Healthy when the session is loaded, Unhealthy when it could not be created
/// (the description names the file and the problem) or has been disposed. Register it with the tag
/// <see cref="MonitorGen.Health.MonitorGenHealthTags.Ready"/>.
/// </summary>
public sealed class OnnxModelHealthCheck : IHealthCheck
{
    private readonly Func<IMonitoredInferenceSession> _session;

    /// <summary>Creates the check.</summary>
    /// <param name="session">Returns the session; it may throw (a missing model file), which makes the check Unhealthy.</param>
    public OnnxModelHealthCheck(Func<IMonitoredInferenceSession> session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _session = session;
    }

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Evaluate());

    /// <summary>Judges the session synchronously.</summary>
    public HealthCheckResult Evaluate()
    {
        IMonitoredInferenceSession session;
        try
        {
            session = _session();
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"The ONNX model is not loaded: {ex.Message}", ex);
        }

        var data = new Dictionary<string, object>
        {
            ["model"] = session.ModelName,
            ["modelVersion"] = session.ModelVersion ?? "",
            ["modelPath"] = session.ModelPath,
        };
        return session.IsLoaded
            ? HealthCheckResult.Healthy($"Model {session.ModelName}: {session.ModelPath} is loaded.", data)
            : HealthCheckResult.Unhealthy($"Model {session.ModelName}: the session for {session.ModelPath} is disposed.", data: data);
    }
}
