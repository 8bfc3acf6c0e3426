using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MonitorGen;

/// <summary>A health check that judges one monitor synchronously, from state the monitor already holds.</summary>
/// <remarks>The base of MonitorGen's health checks, hidden from IntelliSense.</remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public abstract class SynchronousHealthCheck : IHealthCheck
{
    /// <summary>Creates the check over <paramref name="monitor"/>.</summary>
    protected SynchronousHealthCheck(ModelMonitor monitor)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        Monitor = monitor;
    }

    /// <summary>The judged monitor.</summary>
    protected ModelMonitor Monitor { get; }

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Evaluate());

    /// <summary>Judges the monitor synchronously.</summary>
    public abstract HealthCheckResult Evaluate();
}
