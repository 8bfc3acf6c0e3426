namespace MonitorGen;

/// <summary>Which way a KPI improves, for its <see cref="KpiMetricAttribute.Target"/>.</summary>
public enum KpiDirection
{
    /// <summary>More is better: the target is met when the window's mean is at least the target.</summary>
    HigherIsBetter = 0,

    /// <summary>Less is better: the target is met when the window's mean is at most the target.</summary>
    LowerIsBetter = 1,
}
