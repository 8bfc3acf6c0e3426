using System;

namespace MonitorGen;

/// <summary>A <see cref="KpiMetricAttribute"/> member: recorded on the histogram <c>monitorgen.kpi.{MetricName}</c>.</summary>
public sealed class KpiSchema
{
    /// <summary>Creates the schema.</summary>
    public KpiSchema(string memberName, string metricName, string? unit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberName);
        ArgumentException.ThrowIfNullOrWhiteSpace(metricName);
        MemberName = memberName;
        MetricName = metricName;
        Unit = unit;
    }

    /// <summary>The member the value is read from.</summary>
    public string MemberName { get; }

    /// <summary>The metric name, after <c>monitorgen.kpi.</c>.</summary>
    public string MetricName { get; }

    /// <summary>The UCUM unit.</summary>
    public string? Unit { get; }
}
