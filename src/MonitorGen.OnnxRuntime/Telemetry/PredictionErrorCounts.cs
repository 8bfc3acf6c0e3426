using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading;
using MonitorGen.Telemetry;

namespace MonitorGen.OnnxRuntime.Telemetry;

/// <summary>
/// One session's failed predictions by exception type, published on <c>monitorgen.prediction.errors</c>
/// (<see cref="PredictionInstruments"/>): a session that has not failed yet publishes one series at 0 without
/// <c>error.type</c>, so that an error ratio exists from start-up rather than from the first failure.
/// </summary>
/// <remarks>An error is rare and off the fast path: a lock over a small dictionary is enough.</remarks>
internal sealed class PredictionErrorCounts
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _byType = new(System.StringComparer.Ordinal);
    private readonly KeyValuePair<string, object?>[] _untyped;
    private readonly KeyValuePair<string, object?> _model;
    private readonly KeyValuePair<string, object?> _version;

    public PredictionErrorCounts(string model, string? version)
    {
        _model = new(InstrumentNames.ModelTag, model);
        _version = new(InstrumentNames.ModelVersionTag, version ?? "");
        _untyped = [_model, _version];
    }

    public void Count(string errorType)
    {
        lock (_lock)
        {
            _byType[errorType] = _byType.GetValueOrDefault(errorType) + 1;
        }
    }

    public void AddTo(List<Measurement<long>> measurements)
    {
        lock (_lock)
        {
            if (_byType.Count == 0)
            {
                measurements.Add(new Measurement<long>(0, _untyped));
                return;
            }

            foreach ((string type, long count) in _byType)
            {
                measurements.Add(new Measurement<long>(count, _model, _version, new(PredictionInstruments.ErrorTypeTag, type)));
            }
        }
    }
}
