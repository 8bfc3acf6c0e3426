using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.Extensions.Logging;
using MonitorGen.Sketches;
using MonitorGen.Windows;

namespace MonitorGen;

/// <summary>The hot-path state of one numerical feature: range check, bin count and sample of the current window.</summary>
public sealed class NumericFeature : FeatureMonitor
{
    private readonly double[] _cuts;
    private readonly double _min;
    private readonly double _max;
    private readonly int _sampleSize;
    private readonly ulong _seed;
    private readonly WindowRing<NumericWindow>? _ring;
    private readonly NumericWindow? _view;
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
        _sampleSize = options.SampleSize;
        _seed = seed;
        if (options.Window.SubWindows > 1)
        {
            _ring = new WindowRing<NumericWindow>(options.Window.SubWindows);
            _view = new NumericWindow(profile.BinCounts.Length, options.SampleSize, seed);
        }
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

    // Swaps in the spare window and returns what to test: the closed window, or for a sliding window the merge of the
    // ring it joins. The caller hands the result back with Recycle after testing it.
    internal NumericWindow CloseWindow()
    {
        NumericWindow closed = Interlocked.Exchange(ref _current, _spare);
        if (_ring is null)
        {
            return closed;
        }

        // The ring keeps the closed sub-window; the one it evicts (or, while it fills, a new one) becomes the spare.
        NumericWindow? evicted = _ring.Push(closed);
        evicted?.Reset();
        _spare = evicted ?? new NumericWindow(Profile.BinCounts.Length, _sampleSize, _seed + (ulong)_ring.Filled);
        _ring.MergeInto(_view!);
        return _view!;
    }

    internal void Recycle(NumericWindow tested)
    {
        if (_ring is null)
        {
            tested.Reset();
            _spare = tested;
        }
    }
}
