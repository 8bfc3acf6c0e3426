using System;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using MonitorGen.Reports;
using MonitorGen.Sketches;
using MonitorGen.State;
using MonitorGen.Windows;

namespace MonitorGen.Monitoring;

/// <summary>The hot-path state of one numerical feature: range check, bin count and sample of the current window.</summary>
internal sealed class NumericFeatureState : FeatureState
{
    private readonly double[] _cuts;
    private readonly double _min;
    private readonly double _max;
    private readonly int _sampleSize;
    private readonly ulong _seed;
    private readonly TimeSpan _drainTimeout;
    private readonly FeatureWindows<NumericWindow> _windows;

    internal NumericFeatureState(int index, FeatureSchema schema, FeatureProfile profile, MonitorOptions options, MonitorInstruments instruments,
        ILogger logger, string modelName, ShardPool shards, ulong seed)
        : base(index, schema, profile, instruments, logger, modelName, shards)
    {
        _cuts = profile.Cuts;
        _min = schema.ExpectMin;
        _max = schema.ExpectMax;
        _sampleSize = options.SampleSize;
        _drainTimeout = options.DrainTimeout;
        _seed = seed;
        BinTotals = new BinTotals(BinTotals.Numbered(profile.BinCounts.Length));
        _windows = new FeatureWindows<NumericWindow>(options.Window.SubWindows, CreateWindow, shard => shard.Numeric[index]!, closed => BinTotals.Add(closed.Bins));
    }

    /// <summary>
    /// The open window, merged across the pool's slots, each read while no row writes into it: a copy for diagnostics
    /// and tests.
    /// </summary>
    public NumericWindow Current => _windows.Snapshot(Shards, _drainTimeout);

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
    public override DataQualityIssues ObserveMissing(WindowShard shard) => Report(DataQualityIssues.Missing, shard.Numeric[Index]!.Quality);

    internal NumericWindow CreateWindow(int shardNumber) =>
        new(Profile.BinCounts.Length, _sampleSize, _seed ^ ((ulong)shardNumber * 0xD1B54A32D192ED03UL));

    internal override FeatureWindowState CaptureState(WindowShard[] drainedShards) => _windows.Capture(Name, drainedShards, Save);

    internal override void RestoreState(FeatureWindowState state) => _windows.Restore(state, Load);

    private static WindowState Save(NumericWindow window)
    {
        WindowState state = QualityState(window.Quality);
        RunningMoments moments = window.Moments;
        state.Counts = window.Bins.ToArray();
        state.Sample = window.Sample.ToArray();
        state.SampleSeen = window.Sample.Seen;
        state.MomentCount = moments.Count;
        state.Mean = moments.Mean;
        state.M2 = moments.M2;
        state.Min = moments.Min;
        state.Max = moments.Max;
        return state;
    }

    private NumericWindow Load(WindowState state)
    {
        NumericWindow window = CreateWindow(0);
        RunningMoments moments = state.MomentCount == 0 ? RunningMoments.Empty : new RunningMoments(state.MomentCount, state.Mean, state.M2, state.Min, state.Max);
        window.Restore(state.Counts, state.Sample, state.SampleSeen, moments);
        RestoreQuality(window.Quality, state);
        return window;
    }

    internal override FeatureDriftResult CloseAndEvaluate(WindowShard[] closedShards, MonitorOptions options)
    {
        NumericWindow window = _windows.Close(closedShards);
        try
        {
            return DriftEvaluator.Evaluate(this, window, options);
        }
        finally
        {
            _windows.Recycle(window);
        }
    }
}
