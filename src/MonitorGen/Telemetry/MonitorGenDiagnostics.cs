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
}
