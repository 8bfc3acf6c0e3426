using MonitorGen;

namespace MonitorGen.Tests.Records;

/// <summary>
/// <see cref="Scored"/>'s three bucket rules under KPI names of its own, for the one test that reads the instruments' advice:
/// .NET keeps one histogram per meter and name, so the first monitor of a KPI in a process fixes its buckets.
/// </summary>
[Monitor("rated")]
public partial record Rated
{
    [DriftTest, KpiMetric("rated.confidence", Unit = "1")]
    public double Confidence { get; init; }

    [KpiMetric("rated.latency", Unit = "s", Buckets = new[] { 0.01, 0.1, 1.0 })]
    public double Latency { get; init; }

    [KpiMetric("rated.basket", Unit = "{item}")]
    public double Basket { get; init; }
}
