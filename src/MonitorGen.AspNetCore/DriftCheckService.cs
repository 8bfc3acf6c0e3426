using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonitorGen.AspNetCore.Hosting;
using MonitorGen.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MonitorGen.AspNetCore;

/// <summary>
/// Runs a round of drift checks (<see cref="MonitorRegistry.CheckScheduled"/>) every <see cref="MonitorGenOptions.CheckInterval"/>,
/// on the <see cref="TimeProvider"/> registered in the container. A failing check or round is counted on
/// <c>monitorgen.self.errors</c>, logged if the logger allows, and the schedule goes on: monitoring never stops the host.
/// </summary>
public sealed class DriftCheckService : BackgroundService
{
    private readonly MonitorRegistry _registry;
    private readonly MonitorGenOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly IServiceProvider _services;
    private long _completedRounds;

    /// <summary>Creates the service.</summary>
    public DriftCheckService(MonitorRegistry registry, IOptions<MonitorGenOptions> options, TimeProvider timeProvider, IServiceProvider services, ILogger<DriftCheckService> logger)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(logger);
        _registry = registry;
        _options = options.Value;
        _timeProvider = timeProvider;
        _services = services;
        _logger = logger;
    }

    /// <summary>How many rounds of checks the service has completed.</summary>
    public long CompletedRounds => Interlocked.Read(ref _completedRounds);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.EnableBackgroundChecks)
        {
            Guard.Log(() => MonitorGenLog.Disabled(_logger));
            return;
        }

        Guard.Log(() => MonitorGenLog.Started(_logger, _options.CheckInterval, _registry.Monitors.Count));
        try
        {
            using var timer = new PeriodicTimer(_options.CheckInterval, _timeProvider);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                RunRound();
                Interlocked.Increment(ref _completedRounds);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>
    /// Stops the schedule, then, unless <see cref="MonitorGenOptions.CheckOnShutdown"/> is false, runs a final check of every
    /// monitor, so that the rows of the open windows reach a report and the drift gauges, and flushes the OpenTelemetry
    /// exporters, so that the final state is exported before the process goes. Neither ever fails the host's stop.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (!_options.CheckOnShutdown)
        {
            return;
        }

        try
        {
            _registry.CheckAtShutdown();
        }
#pragma warning disable CA1031 // Monitoring must never fail the host's stop.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            MonitorGenDiagnostics.CountSelfError(SelfErrorSources.Scheduler);
            Guard.Log(() => MonitorGenLog.RoundFailed(_logger, ex));
        }

        Flush();
    }

    private void Flush()
    {
        try
        {
            int timeout = (int)Math.Min(int.MaxValue, _options.Otlp.Timeout.TotalMilliseconds);
            (_services.GetService(typeof(MeterProvider)) as MeterProvider)?.ForceFlush(timeout);
            (_services.GetService(typeof(TracerProvider)) as TracerProvider)?.ForceFlush(timeout);
        }
#pragma warning disable CA1031 // An exporter that fails to flush must not fail the host's stop.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            MonitorGenDiagnostics.CountSelfError(SelfErrorSources.Scheduler);
            Guard.Log(() => MonitorGenLog.FlushFailed(_logger, ex));
        }
    }

    private void RunRound()
    {
        try
        {
            _registry.CheckScheduled();
        }
#pragma warning disable CA1031 // Monitoring must never take the host down: count, log, and keep the schedule.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            MonitorGenDiagnostics.CountSelfError(SelfErrorSources.Scheduler);
            Guard.Log(() => MonitorGenLog.RoundFailed(_logger, ex));
        }
    }
}
