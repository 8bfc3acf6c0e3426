using System;

namespace MonitorGen.Health;

/// <summary>
/// The prediction volume a model expects, judged by <see cref="ModelHealthCheck"/>: Degraded when, over a whole
/// <see cref="Window"/>, the model served fewer than <see cref="MinimumShare"/> of <see cref="PredictionsPerMinute"/>
/// and fewer than <see cref="Floor"/> predictions.
/// </summary>
/// <remarks>
/// The floor is the minimum-volume guard: a quiet night that still serves <see cref="Floor"/> predictions per window is
/// thin traffic, not an outage. With the default floor of 1, only a window without any prediction degrades health; raise
/// it to also catch traffic that has thinned to a trickle. The week-over-week comparison, which follows daily and weekly
/// seasons, is the generated Prometheus rule's job (docs/alerting.md): one process cannot see a week of history.
/// </remarks>
public sealed class VolumeExpectation
{
    /// <summary>Predictions per minute in normal traffic; more than 0.</summary>
    public double PredictionsPerMinute { get; set; }

    /// <summary>How long the volume must stay low before health is Degraded. Default 15 minutes.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The share of the expected volume below which a window is low, in (0, 1]. Default 0.5.</summary>
    public double MinimumShare { get; set; } = 0.5;

    /// <summary>The minimum-volume guard: a window with at least this many predictions is never low. At least 1; default 1.</summary>
    public long Floor { get; set; } = 1;

    /// <summary>The predictions below which a whole window is low: the lesser of the share of the expected volume and the floor.</summary>
    public double LowBelow => Math.Min(MinimumShare * PredictionsPerMinute * Window.TotalMinutes, Floor);

    /// <summary>Checks the expectation.</summary>
    /// <param name="name">What to call it in the message, such as the configuration key.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public void Validate(string name)
    {
        if (!(PredictionsPerMinute > 0 && double.IsFinite(PredictionsPerMinute)))
        {
            throw new ArgumentOutOfRangeException(name + ":" + nameof(PredictionsPerMinute), PredictionsPerMinute, "The expected volume is a finite number of predictions per minute, more than 0.");
        }

        if (Window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name + ":" + nameof(Window), Window, "The volume window must be longer than 0.");
        }

        if (!(MinimumShare > 0 && MinimumShare <= 1))
        {
            throw new ArgumentOutOfRangeException(name + ":" + nameof(MinimumShare), MinimumShare, "The minimum share is in (0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Floor, 1, name + ":" + nameof(Floor));
    }
}
