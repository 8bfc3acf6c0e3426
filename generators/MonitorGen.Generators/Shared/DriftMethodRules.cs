namespace MonitorGen.Generators.Shared;

/// <summary>
/// Which <c>MonitorGen.DriftMethod</c> values apply to which feature kinds. The values mirror the runtime enum,
/// whose numbers are append-only.
/// </summary>
internal static class DriftMethodRules
{
    public const int Auto = 0;
    public const int Count = 19;

    private static readonly string[] Names =
    {
        "Auto", "Ks", "ChiSquare", "Z", "Wasserstein", "JensenShannon", "Psi", "KlDiv", "Hellinger",
        "AndersonDarling", "CramerVonMises", "MannWhitney", "TTest", "EppsSingleton", "GTest", "FisherExact",
        "Tvd", "EnergyDistance", "EmpiricalMmd",
    };

    /// <summary>The enum member's name, or null for a value outside the enum.</summary>
    public static string? NameOf(int method) => method >= 0 && method < Count ? Names[method] : null;

    /// <summary>Whether the method is defined on numerical samples only (rank, moment and distance tests).</summary>
    public static bool IsNumericalOnly(int method) => method is 1 or 4 or 9 or 10 or 11 or 12 or 13 or 17 or 18;

    /// <summary>Whether <paramref name="method"/> can test a feature of <paramref name="kind"/>.</summary>
    public static bool AppliesTo(int method, FeatureValueKind kind) => kind switch
    {
        FeatureValueKind.Numeric => method >= 0 && method < Count,
        FeatureValueKind.Boolean or FeatureValueKind.Enum or FeatureValueKind.String =>
            method >= 0 && method < Count && !IsNumericalOnly(method),
        _ => false,
    };
}
