namespace MonitorGen.Sketches;

/// <summary>One window of a categorical feature: a count per reference category, plus a last slot for everything else.</summary>
internal sealed class CategoricalWindow : IMergeableWindow<CategoricalWindow>
{
    /// <summary>Creates an empty window over <paramref name="categories"/> reference categories.</summary>
    public CategoricalWindow(int categories) => Counts = new CountVector(categories + 1);

    /// <summary>Counts per reference category; the last slot holds the other and unseen categories.</summary>
    public CountVector Counts { get; }

    /// <summary>Data-quality counts.</summary>
    public DataQualityCounts Quality { get; } = new();

    /// <summary>The number of valid values in the window.</summary>
    public long Count => Counts.Total();

    /// <summary>Adds <paramref name="other"/>'s counts into this window; exact, associative and commutative.</summary>
    public void Merge(CategoricalWindow other)
    {
        System.ArgumentNullException.ThrowIfNull(other);
        Counts.Add(other.Counts);
        Quality.Add(other.Quality);
    }

    /// <summary>Empties the window for reuse.</summary>
    public void Reset()
    {
        Counts.Reset();
        Quality.Reset();
    }
}
