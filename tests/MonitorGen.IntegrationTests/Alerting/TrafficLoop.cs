using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MonitorGen.IntegrationTests.ExampleService;
using SeattleWeatherService;

namespace MonitorGen.IntegrationTests.Alerting;

/// <summary>Steady traffic to a replica, a row every 100 ms from the current source, until <see cref="StopAsync"/>.</summary>
internal sealed class TrafficLoop : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;
    private IReadOnlyList<WeatherFeatures> _source;
    private long _sent;
    private long _sentFromSource;

    public TrafficLoop(ExampleReplica replica, IReadOnlyList<WeatherFeatures> source, CancellationToken cancellationToken)
    {
        _source = source;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _loop = Task.Run(() => RunAsync(replica, _stop.Token), CancellationToken.None);
    }

    /// <summary>Rows sent, and rows sent since the source last changed.</summary>
    public (long Total, long FromSource) Sent => (Interlocked.Read(ref _sent), Interlocked.Read(ref _sentFromSource));

    /// <summary>Sends from <paramref name="source"/> from now on.</summary>
    public void SwitchTo(IReadOnlyList<WeatherFeatures> source)
    {
        Volatile.Write(ref _source, source);
        Interlocked.Exchange(ref _sentFromSource, 0);
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task RunAsync(ExampleReplica replica, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        int next = 0;
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            IReadOnlyList<WeatherFeatures> source = Volatile.Read(ref _source);
            await replica.PredictAsync([source[next++ % source.Count]], cancellationToken);
            Interlocked.Increment(ref _sent);
            Interlocked.Increment(ref _sentFromSource);
        }
    }
}
