namespace MonitorGen.Calibration;

/// <summary>What measures the practical effect of a drift, compared with the floor.</summary>
internal enum EffectMeasure
{
    /// <summary>The distance itself.</summary>
    Score,

    /// <summary>The two-sample KS statistic D.</summary>
    KsStatistic,

    /// <summary>|mean(current) − mean(reference)| / std(reference).</summary>
    MeanShift,

    /// <summary>The Wasserstein distance over std(reference), as the wasserstein method.</summary>
    Wasserstein,

    /// <summary>The Jensen–Shannon distance of the count proportions, as the jensenshannon method.</summary>
    JensenShannon,
}
