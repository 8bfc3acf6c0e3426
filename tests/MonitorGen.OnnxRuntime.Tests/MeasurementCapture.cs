using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using MonitorGen.Telemetry;

namespace MonitorGen.OnnxRuntime.Tests;

/// <summary>
/// Records the MonitorGen meter's measurements that carry <c>model = {model}</c>, so that tests running in parallel with
/// other model names do not see each other. <see cref="ThrowOn"/> makes the callback throw for one instrument, standing
/// in for a faulty exporter.
/// </summary>
internal sealed class MeasurementCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly string _model;
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public MeasurementCapture(string model)
    {
        _model = model;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MonitorGenDiagnostics.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>An instrument whose measurements for this model throw from the listener, or null.</summary>
    public string? ThrowOn { get; set; }

    public IReadOnlyList<Measurement> Of(string instrument) => _measurements.Where(m => m.Instrument == instrument).ToList();

    /// <summary>The observable instruments' current values for this model, as an exporter's collection reads them.</summary>
    public IReadOnlyList<Measurement> Collect(string instrument)
    {
        int before = _measurements.Count;
        _listener.RecordObservableInstruments();
        return _measurements.Skip(before).Where(m => m.Instrument == instrument).ToList();
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        // Other models' measurements are dropped before anything is allocated, so that allocation tests can listen too.
        bool mine = false;
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            mine |= tag.Key == InstrumentNames.ModelTag && Equals(tag.Value, _model);
        }

        if (!mine)
        {
            return;
        }

        var copy = new Dictionary<string, object?>();
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        if (instrument.Name == ThrowOn)
        {
            throw new InvalidOperationException($"listener failure on {instrument.Name} (test)");
        }

        _measurements.Enqueue(new Measurement(instrument.Name, value, copy));
    }

    internal sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
}
