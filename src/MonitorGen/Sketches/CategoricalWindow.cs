namespace MonitorGen.Sketches;

/// <summary>One window of a categorical feature: a count per reference category, plus a last slot for everything else.</summary>
public sealed class CategoricalWindow
{
    /// <summary>Creates an empty window over <paramref name="categories"/> reference categories.</summary>
    public CategoricalWindow(int categories) => Counts = new ConcurrentCounts(categories + 1);

    /// <summary>Counts per reference category; the last slot holds the other and unseen categories.</summary>
    public ConcurrentCounts Counts { get; }

    /// <summary>Data-quality counts.</summary>
    public DataQualityCounts Quality { get; } = new();

    /// <summary>The number of valid values in the window.</summary>
    public long Count => Counts.Total();

    /// <summary>Empties the window for reuse.</summary>
    public void Reset()
    {
        Counts.Reset();
        Quality.Reset();
    }
}
