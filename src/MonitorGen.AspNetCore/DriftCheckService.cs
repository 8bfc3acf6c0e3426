using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MonitorGen.AspNetCore;

/// <summary>
/// Closes every registered monitor's window each <see cref="MonitorGenHostingOptions.CheckInterval"/>, on the
/// <see cref="TimeProvider"/> registered in the container. A failing check is logged and the loop goes on.
/// </summary>
public sealed class DriftCheckService : BackgroundService
{
    private readonly MonitorRegistry _registry;
    private readonly MonitorGenHostingOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private long _completedRounds;

    /// <summary>Creates the service.</summary>
    public DriftCheckService(MonitorRegistry registry, IOptions<MonitorGenHostingOptions> options, TimeProvider timeProvider, ILogger<DriftCheckService> logger)
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
            MonitorGenLog.Disabled(_logger);
            return;
        }

        MonitorGenLog.Started(_logger, _options.CheckInterval, _registry.Monitors.Count);
        try
        {
            using var timer = new PeriodicTimer(_options.CheckInterval, _timeProvider);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                _registry.CheckScheduled();
                Interlocked.Increment(ref _completedRounds);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
#pragma warning disable CA1031 // Monitoring must never take the host down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            MonitorGenLog.LoopFailed(_logger, ex);
        }
    }
}
