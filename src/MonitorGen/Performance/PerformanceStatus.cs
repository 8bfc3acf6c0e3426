namespace MonitorGen.Performance;

/// <summary>What realized performance says of a model, as its health reports it.</summary>
internal enum PerformanceStatus
{
    /// <summary>Not shown to be worse than the reference by more than the margin (including too few labels to tell).</summary>
    Healthy,

    /// <summary>Worse than the reference by more than the margin, with the stated confidence.</summary>
    Degraded,

    /// <summary>Worse than the configured floor, with the stated confidence.</summary>
    Unhealthy,
}
