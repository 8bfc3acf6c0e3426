namespace MonitorGen;

/// <summary>Multiple-testing control applied to the p-values of one drift check.</summary>
public enum MultipleTestingCorrection
{
    /// <summary>Each feature is judged on its raw p-value.</summary>
    None = 0,
    /// <summary>Bonferroni: controls the family-wise error rate.</summary>
    Bonferroni = 1,
    /// <summary>Benjamini–Hochberg: controls the false discovery rate.</summary>
    BenjaminiHochberg = 2,
}
