namespace MonitorGen;

/// <summary>
/// The drift tests of <c>docs/drift-methods.md</c>. Each member carries the Evidently id it matches.
/// </summary>
/// <remarks>The numeric values are part of the contract with the generator and analyzers: append only.</remarks>
public enum DriftMethod
{
    /// <summary>Chosen per feature by the default rules (Evidently's).</summary>
    Auto = 0,
    /// <summary><c>ks</c>: two-sample Kolmogorov–Smirnov p-value.</summary>
    Ks = 1,
    /// <summary><c>chisquare</c>: Pearson chi-square p-value.</summary>
    ChiSquare = 2,
    /// <summary><c>z</c>: pooled two-proportion z-test p-value.</summary>
    Z = 3,
    /// <summary><c>wasserstein</c>: first Wasserstein distance, normalised by the reference standard deviation.</summary>
    Wasserstein = 4,
    /// <summary><c>jensenshannon</c>: Jensen–Shannon distance.</summary>
    JensenShannon = 5,
    /// <summary><c>psi</c>: population stability index.</summary>
    Psi = 6,
    /// <summary><c>kl_div</c>: Kullback–Leibler divergence.</summary>
    KlDiv = 7,
    /// <summary><c>hellinger</c>: Hellinger distance.</summary>
    Hellinger = 8,
    /// <summary><c>anderson</c>: k-sample Anderson–Darling p-value.</summary>
    AndersonDarling = 9,
    /// <summary><c>cramer_von_mises</c>: two-sample Cramér–von Mises p-value.</summary>
    CramerVonMises = 10,
    /// <summary><c>mannw</c>: Mann–Whitney U p-value.</summary>
    MannWhitney = 11,
    /// <summary><c>t_test</c>: Student's t-test p-value.</summary>
    TTest = 12,
    /// <summary><c>es</c>: Epps–Singleton p-value.</summary>
    EppsSingleton = 13,
    /// <summary><c>g_test</c>: G-test p-value.</summary>
    GTest = 14,
    /// <summary><c>fisher_exact</c>: Fisher's exact test p-value.</summary>
    FisherExact = 15,
    /// <summary><c>TVD</c>: total variation distance with a permutation p-value.</summary>
    Tvd = 16,
    /// <summary><c>ed</c>: energy distance.</summary>
    EnergyDistance = 17,
    /// <summary><c>empirical_mmd</c>: maximum mean discrepancy with a permutation p-value.</summary>
    EmpiricalMmd = 18,
}
