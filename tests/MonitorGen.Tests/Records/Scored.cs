using MonitorGen;

namespace MonitorGen.Tests.Records;

/// <summary>A model output with three KPIs, one per bucket rule: drift-tested with a target, declared buckets, neither.</summary>
[Monitor("scored")]
public partial record Scored
{
    /// <summary>Drift-tested, so its buckets are the reference quantiles and its target can be judged.</summary>
    [DriftTest, KpiMetric("scored.confidence", Unit = "1", Target = 0.7)]
    public double Confidence { get; init; }

    /// <summary>Declared buckets; lower is better.</summary>
    [KpiMetric("scored.latency", Unit = "s", Buckets = new[] { 0.01, 0.1, 1.0 }, Target = 0.5, Direction = KpiDirection.LowerIsBetter)]
    public double Latency { get; init; }

    /// <summary>Neither: OpenTelemetry's default buckets.</summary>
    [KpiMetric("scored.basket", Unit = "{item}")]
    public double Basket { get; init; }
}
