using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonitorGen.AspNetCore.Hosting;
using MonitorGen.Health;
using MonitorGen.Telemetry;
using MonitorGen.Threading;
using MonitorGen.Windows;

namespace MonitorGen.AspNetCore;

/// <summary>
/// The monitors registered with <c>AddMonitorGen().AddModel</c>, in registration order, and the one place that closes their
/// windows: the hosted <see cref="DriftCheckService"/> and <c>POST {prefix}/monitoring/drift/check</c> both go through it.
/// </summary>
public sealed class MonitorRegistry
{
    private readonly ModelMonitor[] _monitors;
    private readonly VolumeHealthCheck[] _volumeChecks;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _manualInterval;
    private readonly Lock _manual = new();
    private Task<IReadOnlyList<DriftReport?>>? _manualCheck;
    private DateTimeOffset _manualCheckEnded = DateTimeOffset.MinValue;
    private long _manualChecksRun;
    private int _manualChecksRunning;
    private int _mostManualChecksAtOnce;

    /// <summary>Creates the registry over the registered monitors.</summary>
    public MonitorRegistry(IEnumerable<ModelMonitor> monitors, IOptions<MonitorGenOptions> options, TimeProvider timeProvider, ILogger<MonitorRegistry> logger)
    {
        ArgumentNullException.ThrowIfNull(monitors);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        // The same instance may be registered twice (for example as two service types); check it once.
        _monitors = monitors.Distinct(ReferenceEqualityComparer.Instance).Cast<ModelMonitor>().ToArray();
        _volumeChecks = CreateVolumeChecks(_monitors, options.Value);
        _manualInterval = options.Value.ManualCheckMinimumInterval;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    // How many manual checks have run (not counting the requests that shared one), and the most that ever ran at once, for tests.
    internal long ManualChecksRun => Interlocked.Read(ref _manualChecksRun);

    internal int MostManualChecksAtOnce => Volatile.Read(ref _mostManualChecksAtOnce);

    /// <summary>The registered monitors.</summary>
    public IReadOnlyList<ModelMonitor> Monitors => _monitors;

    /// <summary>
    /// One volume check per model with a <see cref="MonitorGenModelOptions.Volume"/>, over the model's first registered
    /// monitor (its input and output records count the same predictions). Created with the registry, when the host starts,
    /// so that the volume is counted from start-up; each scheduled round takes a reading.
    /// </summary>
    public IReadOnlyList<VolumeHealthCheck> VolumeChecks => _volumeChecks;

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
    /// A manual check on request, as <c>POST {prefix}/monitoring/drift/check</c> runs it: off the request's thread, at most
    /// one at a time (requests that arrive while it runs share it), and at most one per
    /// <see cref="MonitorGenOptions.ManualCheckMinimumInterval"/>.
    /// </summary>
    /// <remarks>
    /// A manual check never closes a window before its policy says: a monitor with <see cref="WindowPolicy.Manual"/>
    /// windows is checked (a check is what closes such a window), any other only when its window is due, and otherwise
    /// its latest report is returned. So a flood of requests cannot shorten a count, time or sliding window, nor push
    /// sliding sub-windows out of the ring.
    /// </remarks>
    public Task<ManualCheckResult> CheckOnRequestAsync()
    {
        lock (_manual)
        {
            if (_manualCheck is { IsCompleted: false } running)
            {
                return Shared(running);
            }

            DateTimeOffset now = _timeProvider.GetUtcNow();
            TimeSpan wait = _manualCheckEnded + _manualInterval - now;
            if (_manualCheckEnded != DateTimeOffset.MinValue && wait > TimeSpan.Zero)
            {
                return Task.FromResult(new ManualCheckResult(new DriftReport?[_monitors.Length], Shared: false, RetryAfter: wait));
            }

            Task<IReadOnlyList<DriftReport?>> started = Task.Run(RunManualCheck);
            _manualCheck = started;
            return Started(started);
        }

        static async Task<ManualCheckResult> Shared(Task<IReadOnlyList<DriftReport?>> running) =>
            new(await running.ConfigureAwait(false), Shared: true, RetryAfter: null);

        static async Task<ManualCheckResult> Started(Task<IReadOnlyList<DriftReport?>> started) =>
            new(await started.ConfigureAwait(false), Shared: false, RetryAfter: null);
    }

    private IReadOnlyList<DriftReport?> RunManualCheck()
    {
        int running = Interlocked.Increment(ref _manualChecksRunning);
        try
        {
            Interlocked.Increment(ref _manualChecksRun);
            InterlockedMax.Raise(ref _mostManualChecksAtOnce, running);
            var reports = new DriftReport?[_monitors.Length];
            for (int i = 0; i < _monitors.Length; i++)
            {
                ModelMonitor monitor = _monitors[i];
                reports[i] = monitor.Options.Window == WindowPolicy.Manual ? Check(monitor) : Check(monitor, onlyIfDue: true) ?? monitor.LastReport;
            }

            return reports;
        }
        finally
        {
            lock (_manual)
            {
                _manualCheckEnded = _timeProvider.GetUtcNow();
            }

            Interlocked.Decrement(ref _manualChecksRunning);
        }
    }

    /// <summary>
    /// What host stop does with each monitor's open window, which would otherwise be lost with the process: a monitor with
    /// a <see cref="MonitorOptions.StatePath"/> saves it, so that the monitor of the next start goes on with it; any other
    /// with rows in it runs a final check, whatever its policy. Returns, per monitor, the latest report or null.
    /// </summary>
    public IReadOnlyList<DriftReport?> CheckAtShutdown()
    {
        var reports = new DriftReport?[_monitors.Length];
        for (int i = 0; i < _monitors.Length; i++)
        {
            ModelMonitor monitor = _monitors[i];
            if (monitor.Options.StatePath is not null)
            {
                Save(monitor);
                reports[i] = monitor.LastReport;
            }
            else
            {
                reports[i] = monitor.WindowRows > 0 ? Check(monitor) : monitor.LastReport;
            }
        }

        return reports;
    }

    private static VolumeHealthCheck[] CreateVolumeChecks(ModelMonitor[] monitors, MonitorGenOptions options)
    {
        var checks = new List<VolumeHealthCheck>();
        foreach ((string model, MonitorGenModelOptions settings) in options.Models)
        {
            ModelMonitor? first = monitors.FirstOrDefault(m => string.Equals(m.Schema.ModelName, model, StringComparison.Ordinal));
            if (first is null)
            {
                string known = string.Join(", ", monitors.Select(m => m.Schema.ModelName).Distinct(StringComparer.Ordinal));
                throw new InvalidOperationException(
                    $"{MonitorGenOptions.SectionName}:Models:{model} names no registered model (registered: {(known.Length == 0 ? "none" : known)}).");
            }

            if (settings?.Volume is { } volume)
            {
                checks.Add(new VolumeHealthCheck(first, volume));
            }
        }

        return checks.ToArray();
    }

    private void Save(ModelMonitor monitor)
    {
        try
        {
            monitor.SaveState();
        }
#pragma warning disable CA1031 // Monitoring must never fail the host's stop.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            MonitorGenDiagnostics.CountSelfError(SelfErrorSources.State, monitor.Schema.ModelName, monitor.Schema.ModelVersion);
            Guard.Log(() => MonitorGenLog.SaveFailed(_logger, monitor.Schema.ModelName, ex));
        }
    }

    /// <summary>
    /// One round of the background schedule: a monitor with <see cref="Windows.WindowPolicy.Manual"/> windows is checked
    /// every round (the interval is its window); any other monitor only when its policy says its window is due (the
    /// interval is then how often the policy is polled). Returns, per monitor, the new report or null.
    /// </summary>
    public IReadOnlyList<DriftReport?> CheckScheduled()
    {
        foreach (VolumeHealthCheck volume in _volumeChecks)
        {
            volume.Sample();
        }

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
