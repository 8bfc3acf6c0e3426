using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.Extensions.Logging;
using MonitorGen.Sketches;

namespace MonitorGen;

/// <summary>The hot-path state of one numerical feature: range check, bin count and sample of the current window.</summary>
public sealed class NumericFeature : FeatureMonitor
{
    private readonly double[] _cuts;
    private readonly double _min;
    private readonly double _max;
    private NumericWindow _current;
    private NumericWindow _spare;

    internal NumericFeature(FeatureSchema schema, FeatureProfile profile, MonitorOptions options, MonitorInstruments instruments, ILogger logger, string modelName, ulong seed)
        : base(schema, profile, instruments, logger, modelName)
    {
        _cuts = profile.Cuts;
        _min = schema.ExpectMin;
        _max = schema.ExpectMax;
        _current = new NumericWindow(profile.BinCounts.Length, options.SampleSize, seed);
        _spare = new NumericWindow(profile.BinCounts.Length, options.SampleSize, seed);
    }

    /// <summary>The window being filled.</summary>
    public NumericWindow Current => Volatile.Read(ref _current);

    /// <summary>Observes a value: NaN and infinities are counted, not sampled; an out-of-range value is counted and still sampled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DataQualityIssues Observe(double value)
    {
        NumericWindow window = Volatile.Read(ref _current);
        if (!double.IsFinite(value))
        {
            return Report(DataQualityIssues.NonFinite, window.Quality);
        }

        window.Add(value, _cuts);
        return value >= _min && value <= _max ? DataQualityIssues.None : Report(DataQualityIssues.OutOfRange, window.Quality);
    }

    /// <summary>Observes a null value.</summary>
    public DataQualityIssues ObserveMissing() => Report(DataQualityIssues.Missing, Volatile.Read(ref _current).Quality);

    // Swaps in the spare window; the caller evaluates the closed one, then hands it back with Recycle.
    internal NumericWindow CloseWindow() => Interlocked.Exchange(ref _current, _spare);

    internal void Recycle(NumericWindow closed)
    {
        closed.Reset();
        _spare = closed;
    }
}
