using System;

namespace MonitorGen;

/// <summary>Records a numeric member as the KPI histogram <c>monitorgen.kpi.{name}</c>.</summary>
/// <remarks>
/// The histogram's buckets are, in this order: <see cref="Buckets"/> when declared; otherwise, when the member is also a
/// drift-tested feature (<c>[DriftTest]</c>), the cut points of its reference bins, which are the reference quantiles;
/// otherwise OpenTelemetry's default boundaries (0 to 10,000), which fit only a KPI on that scale. .NET keeps one histogram
/// per meter and name, so the first monitor of a KPI in a process fixes its buckets; a monitor rebuilt on a refitted
/// profile keeps them until the process restarts.
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class KpiMetricAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The metric name: lower case, dot separated.</param>
    public KpiMetricAttribute(string name) => Name = name;

    /// <summary>The metric name.</summary>
    public string Name { get; }

    /// <summary>The UCUM unit, for example <c>1</c>, <c>s</c> or <c>By</c>.</summary>
    public string? Unit { get; set; }

    /// <summary>The histogram's bucket boundaries: finite and strictly increasing (MG0007 otherwise).</summary>
    public double[]? Buckets { get; set; }

    /// <summary>
    /// The KPI's target for a window's mean, checked by the model's health check (Degraded when missed); NaN (the default)
    /// sets none. The mean comes from the drift check, so the member must also be a drift-tested feature.
    /// </summary>
    public double Target { get; set; } = double.NaN;

    /// <summary>Which way the KPI improves. Default <see cref="KpiDirection.HigherIsBetter"/>.</summary>
    public KpiDirection Direction { get; set; }
}
