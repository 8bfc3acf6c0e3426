using MonitorGen;

namespace MonitorGen.IntegrationTests.LabelStores;

/// <summary>A binary classifier's output, served by the replicas of a fleet that share a PostgreSQL label store.</summary>
[Monitor("churn-model", Version = "1")]
public partial record ChurnPrediction
{
    [DriftTest, Prediction(Score = nameof(Probability))]
    public bool Churns { get; init; }

    public double Probability { get; init; }
}
