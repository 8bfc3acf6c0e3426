using MonitorGen;

namespace MonitorGen.Tests.Records;

/// <summary>A record of its own model name, so that listeners which throw on its instruments touch no other test.</summary>
[Monitor("consistency-probe")]
public partial record ConsistencyProbe
{
    [DriftTest, Expect(Min = 0, Max = 10)] public double Level { get; init; }
    [DriftTest] public double Load { get; init; }
    [DriftTest] public WeatherKind Weather { get; init; }
    [DriftTest(MaxCategories = 10)] public string? City { get; init; }
    [KpiMetric("probe_score")] public double Score { get; init; }
}
