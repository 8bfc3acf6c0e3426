namespace MonitorGen.Generators.Model;

/// <summary>A <c>[KpiMetric]</c> member.</summary>
/// <param name="MemberName">The property name.</param>
/// <param name="MetricName">The metric name, after <c>monitorgen.kpi.</c>.</param>
/// <param name="Unit">The UCUM unit, if any.</param>
/// <param name="IsNullableValueType">Whether the member is a <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="IsDecimal">Whether the value is a <see cref="decimal"/>.</param>
/// <param name="Buckets">The declared histogram buckets when valid, else empty (MG0007 reports invalid ones).</param>
/// <param name="Target">The declared target when finite, else NaN.</param>
/// <param name="Direction">The <c>KpiDirection</c> value, 0 when not declared or not defined.</param>
internal sealed record KpiModel(string MemberName, string MetricName, string? Unit, bool IsNullableValueType, bool IsDecimal,
    EquatableArray<double> Buckets, double Target, int Direction);
