using System;
using MonitorGen.Telemetry;

namespace OpenTelemetry.Metrics;

/// <summary>Adds MonitorGen's instruments to a <see cref="MeterProviderBuilder"/> that the application owns.</summary>
public static class MonitorGenMeterProviderBuilderExtensions
{
    // Seconds, from 100 µs to 10 s: the SDK's default buckets (0 to 10 000) are meant for milliseconds.
    private static readonly double[] DurationBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>
    /// Listens to the <c>MonitorGen</c> meter (predictions, data quality, KPIs, drift gauges, self errors) and gives
    /// <c>monitorgen.prediction.duration</c> buckets in seconds. Use it in <c>WithMetrics(m =&gt; m.AddMonitorGenInstrumentation())</c>
    /// when you configure OpenTelemetry yourself; <c>AddMonitorGen</c> calls it for you.
    /// </summary>
    public static MeterProviderBuilder AddMonitorGenInstrumentation(this MeterProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddMeter(MonitorGenDiagnostics.Name)
            .AddView(InstrumentNames.PredictionDuration, new ExplicitBucketHistogramConfiguration { Boundaries = DurationBuckets });
    }
}
