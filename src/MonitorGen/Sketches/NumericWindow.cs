using System;
using System.Threading;

namespace MonitorGen.Sketches;

/// <summary>One window of a numerical feature: counts over the reference bins, a sample, and data-quality counts.</summary>
internal sealed class NumericWindow : IMergeableWindow<NumericWindow>
{
    private readonly ulong _seed;
    private long _merges;
    private RunningMoments _moments = RunningMoments.Empty;

    /// <summary>Creates an empty window.</summary>
    /// <param name="bins">The number of reference bins.</param>
    /// <param name="sampleSize">The sample size s.</param>
    /// <param name="seed">The seed of the sample's replacement hash and of merges.</param>
    public NumericWindow(int bins, int sampleSize, ulong seed)
    {
        Bins = new CountVector(bins);
        Sample = new Reservoir(sampleSize, seed);
        _seed = seed;
    }

    /// <summary>Counts per reference bin.</summary>
    public CountVector Bins { get; }

    /// <summary>A uniform sample of the window's valid values.</summary>
    public Reservoir Sample { get; }

    /// <summary>Data-quality counts.</summary>
    public DataQualityCounts Quality { get; } = new();

    /// <summary>The number of valid values in the window.</summary>
    public long Count => Sample.Seen;

    /// <summary>Count, mean, variance, min and max of every valid value of the window, not just the sample.</summary>
    public RunningMoments Moments => _moments;

    /// <summary>Adds a valid value.</summary>
    public void Add(double value, ReadOnlySpan<double> cuts)
    {
        Bins.Increment(BinEdges.BinOf(cuts, value));
        Sample.Add(value);
        _moments = _moments.Add(value);
    }

    /// <summary>
    /// Adds <paramref name="other"/>'s window into this one: bin and data-quality counts add, and the sample becomes a
    /// uniform sample of both windows' values (<see cref="Reservoir.Merge"/>), drawn with a seed derived from this
    /// window's seed and the number of merges it has taken, so that a replay merges identically.
    /// </summary>
    /// <remarks>Off the hot path: both windows must be closed to writers.</remarks>
    public void Merge(NumericWindow other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Bins.Add(other.Bins);
        Sample.Merge(other.Sample, _seed ^ (0xD1B54A32D192ED03UL * (ulong)Interlocked.Increment(ref _merges)));
        Quality.Add(other.Quality);
        _moments = _moments.Merge(other._moments);
    }

    // Sets the window from a saved state (MonitorStateStore has checked sizes, signs and finiteness).
    internal void Restore(ReadOnlySpan<long> bins, ReadOnlySpan<double> sample, long seen, RunningMoments moments)
    {
        Bins.Restore(bins);
        Sample.Restore(sample, seen);
        _moments = moments;
    }

    /// <summary>Empties the window for reuse.</summary>
    public void Reset()
    {
        Bins.Reset();
        Sample.Reset();
        Quality.Reset();
        _moments = RunningMoments.Empty;
    }
}
