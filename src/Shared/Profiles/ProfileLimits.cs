namespace MonitorGen.Profiles;

/// <summary>
/// The largest reference profile the runtime loads and the MG0009 analyzer reads. A profile is a file from outside the
/// process, so every size in it is capped before anything is allocated or computed from it; the caps sit far above what
/// a fit writes (10 bins, 2,048 sampled values and 100 categories by default).
/// </summary>
/// <remarks>Linked into the runtime and the analyzers, so that both refuse the same files.</remarks>
internal static class ProfileLimits
{
    /// <summary>The largest profile document, in bytes (and in characters for the analyzer).</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>The deepest nesting of JSON arrays and objects.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most features in one profile.</summary>
    public const int MaxFeatures = 100_000;

    /// <summary>The most bins of one numerical feature (cuts + 1).</summary>
    public const int MaxBins = 10_000;

    /// <summary>The most reference categories of one categorical feature.</summary>
    public const int MaxCategories = 100_000;

    /// <summary>The most sampled reference values of one numerical feature.</summary>
    public const int MaxSample = 1_000_000;

    /// <summary>The most window sizes (rungs) of one feature's null distribution.</summary>
    public const int MaxNullRungs = 256;

    /// <summary>The most stored values of one rung of a null distribution.</summary>
    public const int MaxNullPoints = 256;
}
