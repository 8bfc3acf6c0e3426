namespace MonitorGen.Sketches;

/// <summary>A window sketch that can be emptied for reuse and can absorb another window of the same shape.</summary>
/// <typeparam name="TSelf">The window type.</typeparam>
internal interface IMergeableWindow<in TSelf>
{
    /// <summary>The number of valid values the window has seen.</summary>
    long Count { get; }

    /// <summary>Adds <paramref name="other"/>'s contents into this window.</summary>
    void Merge(TSelf other);

    /// <summary>Empties the window.</summary>
    void Reset();
}
