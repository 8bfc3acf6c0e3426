using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MonitorGen.Telemetry;

/// <summary>The one <see cref="Meter"/> and <see cref="ActivitySource"/> that all MonitorGen telemetry goes through.</summary>
public static class MonitorGenDiagnostics
{
    /// <summary>The name of the meter and of the activity source: <c>MonitorGen</c>.</summary>
    public const string Name = "MonitorGen";

    private static readonly string? Version = typeof(MonitorGenDiagnostics).Assembly.GetName().Version?.ToString();

    /// <summary>The meter every MonitorGen instrument is created on. Add it to OpenTelemetry with <c>AddMeter("MonitorGen")</c>.</summary>
    public static Meter Meter { get; } = new(Name, Version);

    /// <summary>The activity source; add it with <c>AddSource("MonitorGen")</c>.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, Version);

    // Declared after Meter: static initializers run in text order.
    private static readonly Counter<long> SelfErrors = Meter.CreateCounter<long>(
        InstrumentNames.SelfErrors, "{error}", "Failures inside MonitorGen, caught and counted instead of thrown to the host.");

    /// <summary>
    /// Counts a failure inside MonitorGen on <c>monitorgen.self.errors</c>, tagged with where it was caught (see
    /// <see cref="SelfErrorSources"/>) and, when known, the model. For MonitorGen's own packages; never throws.
    /// </summary>
    /// <param name="source">Where the failure was caught, one of <see cref="SelfErrorSources"/>.</param>
    /// <param name="model">The model name, or null when the failure concerns no one model.</param>
    /// <param name="modelVersion">The model version, if any.</param>
    public static void CountSelfError(string source, string? model = null, string? modelVersion = null)
    {
        var tags = new TagList { { InstrumentNames.SourceTag, source } };
        if (model is not null)
        {
            tags.Add(InstrumentNames.ModelTag, model);
            tags.Add(InstrumentNames.ModelVersionTag, modelVersion ?? "");
        }

        try
        {
            SelfErrors.Add(1, tags);
        }
#pragma warning disable CA1031 // A listener that throws on the self-error counter itself: there is nowhere left to count it.
        catch (System.Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>
    /// Runs MonitorGen's side work (a log event, a listener's callback, a trace tag) so that a failure in it is counted on
    /// <c>monitorgen.self.errors</c> and never thrown into the host. For MonitorGen's own packages: the one place that
    /// catches, counts and carries on.
    /// </summary>
    /// <remarks>
    /// Pass what the work needs as <paramref name="state"/> and the work as a static lambda: nothing is allocated, so the hot
    /// path may use it.
    /// </remarks>
    /// <param name="state">What <paramref name="work"/> needs.</param>
    /// <param name="work">The side work.</param>
    /// <param name="source">Where a failure is counted, one of <see cref="SelfErrorSources"/>.</param>
    /// <param name="model">The model name, or null when the work concerns no one model.</param>
    /// <param name="modelVersion">The model version, if any.</param>
    /// <returns>Whether the work ran to its end.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static bool Contain<TState>(TState state, Action<TState> work, string source, string? model = null, string? modelVersion = null)
    {
        try
        {
            work(state);
            return true;
        }
#pragma warning disable CA1031 // The point of the method: whatever the side work throws is counted, never thrown into the host.
        catch (Exception)
#pragma warning restore CA1031
        {
            CountSelfError(source, model, modelVersion);
            return false;
        }
    }
}
