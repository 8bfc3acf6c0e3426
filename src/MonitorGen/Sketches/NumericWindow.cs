namespace MonitorGen.Sketches;

/// <summary>One window of a numerical feature: counts over the reference bins, a sample, and data-quality counts.</summary>
public sealed class NumericWindow
{
    /// <summary>Creates an empty window.</summary>
    public NumericWindow(int bins, int sampleSize, ulong seed)
    {
        Bins = new ConcurrentCounts(bins);
        Sample = new Reservoir(sampleSize, seed);
    }

    /// <summary>Counts per reference bin.</summary>
    public ConcurrentCounts Bins { get; }

    /// <summary>A uniform sample of the window's valid values.</summary>
    public Reservoir Sample { get; }

    /// <summary>Data-quality counts.</summary>
    public DataQualityCounts Quality { get; } = new();

    /// <summary>The number of valid values in the window.</summary>
    public long Count => Sample.Seen;

    /// <summary>Adds a valid value.</summary>
    public void Add(double value, System.ReadOnlySpan<double> cuts)
    {
        Bins.Increment(BinEdges.BinOf(cuts, value));
        Sample.Add(value);
    }

    /// <summary>Empties the window for reuse.</summary>
    public void Reset()
    {
        Bins.Reset();
        Sample.Reset();
        Quality.Reset();
    }
}
