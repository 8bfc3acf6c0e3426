using System;

namespace MonitorGen;

/// <summary>Records a numeric member as the KPI histogram <c>monitorgen.kpi.{name}</c>.</summary>
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
}
