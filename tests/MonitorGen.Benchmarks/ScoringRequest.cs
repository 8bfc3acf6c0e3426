using MonitorGen;

namespace MonitorGen.Benchmarks;

/// <summary>The sales channel of a request.</summary>
public enum Channel
{
    Web,
    Mobile,
    Branch,
}

/// <summary>The region of a request.</summary>
public enum Region
{
    North,
    South,
    East,
    West,
    Central,
}

/// <summary>
/// A credit-scoring request and its prediction: eight monitored members, five numerical features (one with an
/// expected range), two enum features and one KPI.
/// </summary>
[Monitor("credit-scoring", Version = "2.1")]
public sealed partial record ScoringRequest
{
    [DriftTest] public double Income { get; init; }
    [DriftTest(DriftMethod.Ks)] public float Utilization { get; init; }
    [DriftTest] public int Age { get; init; }
    [DriftTest(DriftMethod.Psi), Expect(Min = 0, Max = 5)] public double DebtRatio { get; init; }
    [DriftTest(DriftMethod.Wasserstein)] public int TenureMonths { get; init; }
    [DriftTest] public Channel Channel { get; init; }
    [DriftTest(DriftMethod.JensenShannon)] public Region Region { get; init; }
    [KpiMetric("confidence", Unit = "1")] public float Confidence { get; init; }
}

/// <summary>
/// <see cref="ScoringRequest"/> with its decision declared as the prediction (and the confidence as its score): the
/// same eight monitored members, so that the labels' cost is the only difference.
/// </summary>
[Monitor("credit-scoring-labelled", Version = "2.1")]
public sealed partial record LabelledScoringRequest
{
    [DriftTest] public double Income { get; init; }
    [DriftTest(DriftMethod.Ks)] public float Utilization { get; init; }
    [DriftTest] public int Age { get; init; }
    [DriftTest(DriftMethod.Psi), Expect(Min = 0, Max = 5)] public double DebtRatio { get; init; }
    [DriftTest(DriftMethod.Wasserstein)] public int TenureMonths { get; init; }
    [DriftTest] public Channel Channel { get; init; }
    [DriftTest(DriftMethod.JensenShannon)] public Region Region { get; init; }
    [KpiMetric("confidence", Unit = "1")] public float Confidence { get; init; }
    [Prediction(Score = nameof(Confidence))] public bool Approved { get; init; }
}
