namespace MonitorGen.Monitoring;

/// <summary>Where a KPI histogram's bucket boundaries came from (the rule of <see cref="KpiMetricAttribute"/>).</summary>
internal enum KpiBucketSource
{
    /// <summary>OpenTelemetry's default boundaries: the KPI declares none and is not a drift-tested feature.</summary>
    Default = 0,

    /// <summary><see cref="KpiMetricAttribute.Buckets"/>.</summary>
    Declared,

    /// <summary>The cut points of the member's reference bins: its reference quantiles.</summary>
    ReferenceQuantiles,
}
