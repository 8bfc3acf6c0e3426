using System;
using System.Threading;

namespace MonitorGen.Labels;

/// <summary>
/// A periodic timer that does not keep its target alive: a monitor dropped without <c>Dispose</c> takes its pending
/// predictions, its labeling functions and its store connection with it, and the timer stops itself at its next tick.
/// </summary>
/// <remarks>A <see cref="Timer"/> roots its state while it runs, so a timer whose state is the target would keep a
/// forgotten monitor's table (2 MiB by default) alive and ticking for the life of the process.</remarks>
internal sealed class WeakTimer<T> : IDisposable
    where T : class
{
    private readonly WeakReference<T> _target;
    private readonly Action<T> _tick;
    private readonly Timer _timer;

    /// <param name="target">What the timer works on, held weakly.</param>
    /// <param name="tick">The work: a static lambda, as one that captured <paramref name="target"/> would root it again.</param>
    /// <param name="interval">The time to the first tick and between ticks.</param>
    public WeakTimer(T target, Action<T> tick, TimeSpan interval)
    {
        _target = new WeakReference<T>(target);
        _tick = tick;
        // No execution context is captured: the timer holds nothing of the request that started it.
        using (ExecutionContext.SuppressFlow())
        {
            _timer = new Timer(static state => ((WeakTimer<T>)state!).Tick(), this, interval, interval);
        }
    }

    private void Tick()
    {
        if (_target.TryGetTarget(out T? target))
        {
            _tick(target);
        }
        else
        {
            _timer.Dispose();
        }
    }

    /// <summary>Stops the timer; a tick under way finishes.</summary>
    public void Dispose() => _timer.Dispose();
}
