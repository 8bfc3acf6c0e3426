using MonitorGen;

namespace MonitorGen.Benchmarks;

/// <summary>A kind of a categorical feature of <see cref="FiftyFeatures"/>.</summary>
public enum Segment
{
    /// <summary>The most common.</summary>
    A,
    /// <summary>Common.</summary>
    B,
    /// <summary>Less common.</summary>
    C,
    /// <summary>Rare.</summary>
    D,
}

/// <summary>Fifty drift-tested features with the default rules: forty numbers and ten categories, as in a wide tabular model.</summary>
[Monitor("fifty-features")]
public partial record FiftyFeatures
{
#pragma warning disable SA1516 // One line per feature keeps fifty of them readable.
    [DriftTest] public double N00 { get; init; }
    [DriftTest] public double N01 { get; init; }
    [DriftTest] public double N02 { get; init; }
    [DriftTest] public double N03 { get; init; }
    [DriftTest] public double N04 { get; init; }
    [DriftTest] public double N05 { get; init; }
    [DriftTest] public double N06 { get; init; }
    [DriftTest] public double N07 { get; init; }
    [DriftTest] public double N08 { get; init; }
    [DriftTest] public double N09 { get; init; }
    [DriftTest] public double N10 { get; init; }
    [DriftTest] public double N11 { get; init; }
    [DriftTest] public double N12 { get; init; }
    [DriftTest] public double N13 { get; init; }
    [DriftTest] public double N14 { get; init; }
    [DriftTest] public double N15 { get; init; }
    [DriftTest] public double N16 { get; init; }
    [DriftTest] public double N17 { get; init; }
    [DriftTest] public double N18 { get; init; }
    [DriftTest] public double N19 { get; init; }
    [DriftTest] public double N20 { get; init; }
    [DriftTest] public double N21 { get; init; }
    [DriftTest] public double N22 { get; init; }
    [DriftTest] public double N23 { get; init; }
    [DriftTest] public double N24 { get; init; }
    [DriftTest] public double N25 { get; init; }
    [DriftTest] public double N26 { get; init; }
    [DriftTest] public double N27 { get; init; }
    [DriftTest] public double N28 { get; init; }
    [DriftTest] public double N29 { get; init; }
    [DriftTest] public double N30 { get; init; }
    [DriftTest] public double N31 { get; init; }
    [DriftTest] public double N32 { get; init; }
    [DriftTest] public double N33 { get; init; }
    [DriftTest] public double N34 { get; init; }
    [DriftTest] public double N35 { get; init; }
    [DriftTest] public double N36 { get; init; }
    [DriftTest] public double N37 { get; init; }
    [DriftTest] public double N38 { get; init; }
    [DriftTest] public double N39 { get; init; }
    [DriftTest] public Segment C0 { get; init; }
    [DriftTest] public Segment C1 { get; init; }
    [DriftTest] public Segment C2 { get; init; }
    [DriftTest] public Segment C3 { get; init; }
    [DriftTest] public Segment C4 { get; init; }
    [DriftTest] public Segment C5 { get; init; }
    [DriftTest] public Segment C6 { get; init; }
    [DriftTest] public Segment C7 { get; init; }
    [DriftTest] public Segment C8 { get; init; }
    [DriftTest] public Segment C9 { get; init; }
#pragma warning restore SA1516
}
