using System;
using System.Collections.Generic;
using MonitorGen.Kpis;

namespace MonitorGen;

/// <summary>A <see cref="KpiMetricAttribute"/> member: recorded on the histogram <c>monitorgen.kpi.{MetricName}</c>.</summary>
/// <remarks>Generator support: emitted in the generated schema; hidden from IntelliSense.</remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class KpiSchema
{
    /// <summary>Creates the schema.</summary>
    /// <param name="memberName">The member the value is read from.</param>
    /// <param name="metricName">The metric name, after <c>monitorgen.kpi.</c>.</param>
    /// <param name="unit">The UCUM unit.</param>
    /// <param name="buckets">The declared bucket boundaries, or null.</param>
    /// <param name="target">The target of a window's mean, or null.</param>
    /// <param name="direction">Which way the KPI improves.</param>
    /// <exception cref="ArgumentException">The buckets are not finite and strictly increasing, the target is not finite, or
    /// the direction is not defined.</exception>
    public KpiSchema(string memberName, string metricName, string? unit, double[]? buckets = null, double? target = null,
        KpiDirection direction = KpiDirection.HigherIsBetter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberName);
        ArgumentException.ThrowIfNullOrWhiteSpace(metricName);
        if (buckets is not null && !KpiRules.IsValidBuckets(buckets))
        {
            throw new ArgumentException($"KPI {metricName}: the buckets must be finite and strictly increasing.", nameof(buckets));
        }

        if (target is { } t && !double.IsFinite(t))
        {
            throw new ArgumentException($"KPI {metricName}: the target must be finite.", nameof(target));
        }

        if (!Enum.IsDefined(direction))
        {
            throw new ArgumentException($"KPI {metricName}: {(int)direction} is not a KPI direction.", nameof(direction));
        }

        MemberName = memberName;
        MetricName = metricName;
        Unit = unit;
        Buckets = buckets is null ? null : (double[])buckets.Clone();
        Target = target;
        Direction = direction;
    }

    /// <summary>The member the value is read from.</summary>
    public string MemberName { get; }

    /// <summary>The metric name, after <c>monitorgen.kpi.</c>.</summary>
    public string MetricName { get; }

    /// <summary>The UCUM unit.</summary>
    public string? Unit { get; }

    /// <summary>The declared bucket boundaries, or null.</summary>
    public IReadOnlyList<double>? Buckets { get; }

    /// <summary>The target of a window's mean, or null.</summary>
    public double? Target { get; }

    /// <summary>Which way the KPI improves.</summary>
    public KpiDirection Direction { get; }

    /// <summary>Whether <paramref name="mean"/> meets the target (true when there is none).</summary>
    public bool Meets(double mean) => Target is not { } target
        || (Direction == KpiDirection.HigherIsBetter ? mean >= target : mean <= target);
}
