using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace MonitorGen.OnnxRuntime.Tests;

/// <summary>
/// Disposing a session, or stopping the host that owns it, while predictions are in flight: new predictions are refused,
/// the running ones finish, and only then is the native session freed (freeing it under a run is a use-after-free).
/// </summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Disposing_the_container_with_predictions_in_flight_waits_for_them_and_refuses_new_ones()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(_ => WeatherReading.CreateMonitor(Fixtures.ReadingProfile));
        services.AddSingleton(_ => WeatherForecast.CreateMonitor(Fixtures.ForecastProfile));
        services.AddMonitoredOnnxModel<WeatherReading, WeatherForecast>(
            Fixtures.ModelPath,
            sp => sp.GetRequiredService<WeatherReadingMonitor>(),
            sp => sp.GetRequiredService<WeatherForecastMonitor>(),
            options => options.ModelName = "shutdown-weather");
        ServiceProvider provider = services.BuildServiceProvider();
        var session = provider.GetRequiredService<MonitoredInferenceSession<WeatherReading, WeatherForecast>>();
        var unexpected = new ConcurrentQueue<Exception>();
        long served = 0, refused = 0;
        using var running = new CountdownEvent(4);

        Task[] callers = Enumerable.Range(0, 4).Select(c => Task.Run(() =>
        {
            running.Signal();
            for (int i = 0; ; i++)
            {
                try
                {
                    session.Predict(Fixtures.Expected[(c + i) % Fixtures.Expected.Count].Input);
                    Interlocked.Increment(ref served);
                }
                catch (ObjectDisposedException)
                {
                    Interlocked.Increment(ref refused);
                    return;
                }
#pragma warning disable CA1031 // Anything else is the failure this test looks for.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    unexpected.Enqueue(ex);
                    return;
                }
            }
        })).ToArray();
        running.Wait(TestContext.Current.CancellationToken);
        await Task.Delay(200, TestContext.Current.CancellationToken);

        await provider.DisposeAsync();

        Assert.Equal(0, session.InFlight);
        Assert.False(session.IsLoaded);
        await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Empty(unexpected);
        Assert.Equal(4, refused);
        Assert.True(served > 0);
    }

    [Fact]
    public async Task Dispose_waits_no_longer_than_its_timeout_and_then_leaves_the_session_to_its_finalizer()
    {
        using var inputs = WeatherReading.CreateMonitor(Fixtures.ReadingProfile);
        using var outputs = WeatherForecast.CreateMonitor(Fixtures.ForecastProfile);
        using var blocked = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var session = new MonitoredInferenceSession<WeatherReading, WeatherForecast>(
            Fixtures.ModelPath, new BlockingMonitor(inputs, blocked, release), outputs,
            new MonitoredInferenceSessionOptions { ModelName = "shutdown-timeout", DisposeTimeout = TimeSpan.FromMilliseconds(200) });
        var caller = Task.Run(() => session.Predict(Fixtures.Expected[0].Input));
        Assert.True(blocked.Wait(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        session.Dispose();

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(20));
        Assert.Equal(1, session.InFlight);
        release.Set();
        // The run in flight was not freed under: it completes with a real prediction.
        Assert.Equal(Fixtures.Expected[0].Weather, (await caller.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).Weather);
    }

    // An input monitor that holds the prediction inside Predict until released.
    private sealed class BlockingMonitor(IModelMonitor<WeatherReading> inner, ManualResetEventSlim blocked, ManualResetEventSlim release) : IModelMonitor<WeatherReading>
    {
        public void Observe(in WeatherReading row)
        {
            inner.Observe(in row);
            blocked.Set();
            release.Wait(TimeSpan.FromSeconds(30));
        }

        public DriftReport CheckDrift() => inner.CheckDrift();
    }
}
