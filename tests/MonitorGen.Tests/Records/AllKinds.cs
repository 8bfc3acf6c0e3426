using MonitorGen;

namespace MonitorGen.Tests.Records;

public enum Colour : byte
{
    Red = 1,
    Green = 2,
    Blue = 3,
    Crimson = Red,
}

/// <summary>One member of every supported kind, nullable and not.</summary>
[Monitor("all-kinds")]
public partial class AllKinds
{
    [DriftTest] public int Count { get; set; }
    [DriftTest] public float Ratio { get; set; }
    [DriftTest] public decimal Price { get; set; }
    [DriftTest] public long? Big { get; set; }
    [DriftTest] public bool Flag { get; set; }
    [DriftTest] public bool? MaybeFlag { get; set; }
    [DriftTest] public Colour Colour { get; set; }
    [DriftTest] public Colour? MaybeColour { get; set; }
    [DriftTest] public string? City { get; set; }
    [Expect(Min = 0, Max = 1)] public double Probability { get; set; }
    [KpiMetric("latency", Unit = "s")] public double Latency { get; set; }
    [KpiMetric("revenue", Unit = "{USD}")] public decimal? Revenue { get; set; }
}

/// <summary>A positional record whose attributes sit on the primary-constructor parameters.</summary>
[Monitor("positional")]
public partial record Positional([DriftTest] double Score, [DriftTest] Colour Colour, [NotMonitored] string? Note);

public partial class Outer
{
    /// <summary>A nested value type.</summary>
    [Monitor("nested")]
    internal partial record struct Inner
    {
        [DriftTest] public int Value { get; init; }
    }
}
