using System.Runtime.CompilerServices;
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
    private NumericWindow _closed;

    internal NumericFeature(int index, FeatureSchema schema, FeatureProfile profile, MonitorOptions options, MonitorInstruments instruments,
        ILogger logger, string modelName, ShardRegistry shards, ulong seed)
        : base(index, schema, profile, instruments, logger, modelName, shards)
    {
        _cuts = profile.Cuts;
        _min = schema.ExpectMin;
        _max = schema.ExpectMax;
        _sampleSize = options.SampleSize;
        _seed = seed;
        _closed = CreateWindow(0);
        if (options.Window.SubWindows > 1)
        {
            _ring = new WindowRing<NumericWindow>(options.Window.SubWindows);
            _view = CreateWindow(0);
        }
    }

    /// <summary>
    /// The open window, merged across the threads that observe into it: a copy for diagnostics and tests, exact only
    /// while no thread is observing.
    /// </summary>
    public NumericWindow Current
    {
        get
        {
            NumericWindow snapshot = CreateWindow(0);
            foreach (ObservationShard shard in Shards.Shards)
            {
                snapshot.Merge(shard.Current.Numeric[Index]!);
            }

            return snapshot;
        }
    }

    /// <summary>Observes a value: NaN and infinities are counted, not sampled; an out-of-range value is counted and still sampled.</summary>
    /// <param name="shard">The calling thread's windows, from the monitor's <c>BeginRow</c>.</param>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DataQualityIssues Observe(WindowShard shard, double value)
    {
        NumericWindow window = shard.Numeric[Index]!;
        if (!double.IsFinite(value))
        {
            return Report(DataQualityIssues.NonFinite, window.Quality);
        }

        window.Add(value, _cuts);
        return value >= _min && value <= _max ? DataQualityIssues.None : Report(DataQualityIssues.OutOfRange, window.Quality);
    }

    /// <summary>Observes a null value.</summary>
    /// <param name="shard">The calling thread's windows, from the monitor's <c>BeginRow</c>.</param>
    public DataQualityIssues ObserveMissing(WindowShard shard) => Report(DataQualityIssues.Missing, shard.Numeric[Index]!.Quality);

    internal NumericWindow CreateWindow(int shardNumber) =>
        new(Profile.BinCounts.Length, _sampleSize, _seed ^ ((ulong)shardNumber * 0xD1B54A32D192ED03UL));

    // Merges the threads' closed windows and returns what to test: the merge, or for a sliding window the merge of the
    // ring it joins. The caller hands the result back with Recycle after testing it.
    internal NumericWindow CloseWindow(WindowShard[] closedShards)
    {
        NumericWindow closed = _closed;
        foreach (WindowShard shard in closedShards)
        {
            closed.Merge(shard.Numeric[Index]!);
        }

        if (_ring is null)
        {
            return closed;
        }

        // The ring keeps the closed sub-window; the one it evicts (or, while it fills, a new one) is merged into next.
        NumericWindow? evicted = _ring.Push(closed);
        evicted?.Reset();
        _closed = evicted ?? CreateWindow(_ring.Filled);
        _ring.MergeInto(_view!);
        return _view!;
    }

    internal void Recycle(NumericWindow tested)
    {
        if (_ring is null)
        {
            tested.Reset();
            _closed = tested;
        }
    }
}
