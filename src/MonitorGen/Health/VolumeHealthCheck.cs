using System;
using System.Collections.Generic;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MonitorGen.Health;

/// <summary>
/// A model's prediction volume against its <see cref="VolumeExpectation"/>: Degraded when a whole window was low,
/// Healthy otherwise, and Healthy (not yet judged) until the check has seen one window. The data holds the rows counted
/// over the judged span and the threshold.
/// </summary>
/// <remarks>
/// The check counts from when it is created, so create it with the monitor (the ASP.NET Core host does so when it
/// starts): a model that serves nothing from start-up degrades one window later. Each evaluation, and each
/// <see cref="Sample"/>, keeps a reading of the monitor's row count; call <see cref="Sample"/> from a schedule so that
/// health asked rarely is still judged over the last window.
/// </remarks>
public sealed class VolumeHealthCheck : SynchronousHealthCheck
{
    private readonly VolumeHistory _history;

    /// <summary>Creates the check and takes its first reading.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The expectation is out of range.</exception>
    public VolumeHealthCheck(ModelMonitor monitor, VolumeExpectation expectation)
        : base(monitor)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        expectation.Validate(nameof(expectation));
        Expectation = expectation;
        _history = new VolumeHistory(monitor.Options.TimeProvider.GetUtcNow(), monitor.PredictionsObserved);
    }

    /// <summary>The judged model's name.</summary>
    public string Model => Monitor.Schema.ModelName;

    /// <summary>The expected volume.</summary>
    public VolumeExpectation Expectation { get; }

    /// <summary>Takes a reading of the monitor's row count, when one is due.</summary>
    public void Sample() => Read();

    /// <inheritdoc />
    public override HealthCheckResult Evaluate()
    {
        string model = Monitor.Schema.ModelName;
        var data = new Dictionary<string, object>
        {
            ["model"] = model,
            ["record"] = Monitor.Schema.RecordName,
            ["expectedPerMinute"] = Expectation.PredictionsPerMinute,
            ["window"] = Expectation.Window.ToString(),
            ["lowBelow"] = Expectation.LowBelow,
        };
        if (Read() is not { } since)
        {
            return HealthCheckResult.Healthy($"Model {model}: volume not judged yet (less than {Expectation.Window} of readings).", data);
        }

        data["predictions"] = since.Rows;
        data["span"] = since.Span.ToString();
        if (since.Rows < Expectation.LowBelow)
        {
            return HealthCheckResult.Degraded(
                $"Model {model}: {since.Rows} predictions in the last {since.Span}, below {Expectation.LowBelow:0.##} per {Expectation.Window} (expected {Expectation.PredictionsPerMinute:0.##} a minute).",
                data: data);
        }

        return HealthCheckResult.Healthy($"Model {model}: {since.Rows} predictions in the last {since.Span}.", data);
    }

    private (long Rows, TimeSpan Span)? Read() =>
        _history.Since(Monitor.Options.TimeProvider.GetUtcNow(), Monitor.PredictionsObserved, Expectation.Window);
}
