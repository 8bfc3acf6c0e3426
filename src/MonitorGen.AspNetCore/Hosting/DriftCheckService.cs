using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MonitorGen.Telemetry;

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
    private long _completedRounds;

    /// <summary>Creates the service.</summary>
    public DriftCheckService(MonitorRegistry registry, IOptions<MonitorGenOptions> options, TimeProvider timeProvider, ILogger<DriftCheckService> logger)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _registry = registry;
        _options = options.Value;
        _timeProvider = timeProvider;
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
