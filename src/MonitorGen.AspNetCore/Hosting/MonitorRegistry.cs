using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;
using MonitorGen.Telemetry;

namespace MonitorGen.AspNetCore;

/// <summary>
/// The monitors registered with <c>AddMonitorGen().AddModel</c>, in registration order, and the one place that closes their
/// windows: the hosted <see cref="DriftCheckService"/> and <c>POST {prefix}/monitoring/drift/check</c> both go through it.
/// </summary>
public sealed class MonitorRegistry
{
    private readonly ModelMonitor[] _monitors;
    private readonly ILogger _logger;

    /// <summary>Creates the registry over the registered monitors.</summary>
    public MonitorRegistry(IEnumerable<ModelMonitor> monitors, ILogger<MonitorRegistry> logger)
    {
        ArgumentNullException.ThrowIfNull(monitors);
        ArgumentNullException.ThrowIfNull(logger);
        // The same instance may be registered twice (for example as two service types); check it once.
        _monitors = monitors.Distinct(ReferenceEqualityComparer.Instance).Cast<ModelMonitor>().ToArray();
        _logger = logger;
    }

    /// <summary>The registered monitors.</summary>
    public IReadOnlyList<ModelMonitor> Monitors => _monitors;

    /// <summary>Whether a monitor of model <paramref name="model"/> (its <see cref="MonitorSchema.ModelName"/>) is registered.</summary>
    public bool Contains(string model)
    {
        foreach (ModelMonitor monitor in _monitors)
        {
            if (string.Equals(monitor.Schema.ModelName, model, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Closes every monitor's window and returns, per monitor, the new report, or null when its check threw (the failure is
    /// counted on <c>monitorgen.self.errors</c> and logged; monitoring never throws into the host).
    /// </summary>
    public IReadOnlyList<DriftReport?> CheckAll()
    {
        var reports = new DriftReport?[_monitors.Length];
        for (int i = 0; i < _monitors.Length; i++)
        {
            reports[i] = Check(_monitors[i]);
        }

        return reports;
    }

    /// <summary>
    /// One round of the background schedule: a monitor with <see cref="Windows.WindowPolicy.Manual"/> windows is checked
    /// every round (the interval is its window); any other monitor only when its policy says its window is due (the
    /// interval is then how often the policy is polled). Returns, per monitor, the new report or null.
    /// </summary>
    public IReadOnlyList<DriftReport?> CheckScheduled()
    {
        var reports = new DriftReport?[_monitors.Length];
        for (int i = 0; i < _monitors.Length; i++)
        {
            ModelMonitor monitor = _monitors[i];
            reports[i] = monitor.Options.Window == Windows.WindowPolicy.Manual ? Check(monitor) : Check(monitor, onlyIfDue: true);
        }

        return reports;
    }

    private DriftReport? Check(ModelMonitor monitor, bool onlyIfDue = false)
    {
        try
        {
            return onlyIfDue ? monitor.CheckDriftIfDue() : monitor.CheckDrift();
        }
#pragma warning disable CA1031 // Monitoring must never take the host down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            MonitorGenDiagnostics.CountSelfError(SelfErrorSources.DriftCheck, monitor.Schema.ModelName, monitor.Schema.ModelVersion);
            Guard.Log(() => MonitorGenLog.CheckFailed(_logger, monitor.Schema.ModelName, ex));
            return null;
        }
    }
}
