using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using MonitorGen.Telemetry;

namespace MonitorGen.OnnxRuntime.Telemetry;

/// <summary>The instruments a monitored session records on, created once per process on the MonitorGen meter.</summary>
internal static class PredictionInstruments
{
    /// <summary>Bucket boundaries in seconds, from 10 µs (a small model on a CPU) to 10 s.</summary>
    private static readonly double[] DurationBuckets =
        [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public static Histogram<double> Duration { get; } = MonitorGenDiagnostics.Meter.CreateHistogram(
        InstrumentNames.PredictionDuration,
        "s",
        "Duration of model inference: input mapping, the ONNX Runtime run and output mapping, for predictions that succeeded.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

    // The live sessions' error counts, held weakly: a session dropped without Dispose stops being published when collected.
    private static readonly ConditionalWeakTable<PredictionErrorCounts, object?> Sessions = new();

    /// <summary>
    /// Observable, so that each session's series exists at 0 from its start: a counter's series would appear only with its
    /// first measurement, which for errors may be never.
    /// </summary>
    public static ObservableCounter<long> Errors { get; } = MonitorGenDiagnostics.Meter.CreateObservableCounter(
        InstrumentNames.PredictionErrors, CollectErrors, "{error}", "Model inference calls that threw; the exception went to the caller.");

    public static void Register(PredictionErrorCounts counts) => Sessions.TryAdd(counts, null);

    public static void Unregister(PredictionErrorCounts counts) => Sessions.Remove(counts);

    private static List<Measurement<long>> CollectErrors()
    {
        var measurements = new List<Measurement<long>>();
        foreach ((PredictionErrorCounts counts, _) in Sessions)
        {
            counts.AddTo(measurements);
        }

        return measurements;
    }

    /// <summary>Tag on <see cref="Errors"/>: the exception's type (the OpenTelemetry <c>error.type</c> convention).</summary>
    public const string ErrorTypeTag = "error.type";
}
