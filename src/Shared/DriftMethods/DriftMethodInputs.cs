namespace MonitorGen.DriftMethods;

/// <summary>Which features a drift method can test.</summary>
internal enum DriftMethodInputs
{
    /// <summary>Numerical samples only: the rank, moment and sample-distance tests.</summary>
    NumericalOnly,

    /// <summary>Numerical features (on bins or value counts) and categorical ones (on category counts).</summary>
    NumericalOrCategorical,

    /// <summary>
    /// Category counts (chisquare, g_test): categorical features and numbers with few values; on a continuous feature
    /// that is not marked <c>Categorical</c> every value is its own category.
    /// </summary>
    DiscreteCounts,

    /// <summary>Two proportions (z, fisher_exact): a feature with exactly two values.</summary>
    BinaryOnly,
}
