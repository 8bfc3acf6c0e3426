using MonitorGen;

namespace MonitorGen.Tests.Records;

/// <summary>The kinds of weather a <see cref="Forecasted"/> predicts.</summary>
public enum Sky
{
    Sun,
    Rain,
    Snow,
}

/// <summary>A classifier's output: an enum prediction, drift-tested, with the predicted class's score.</summary>
[Monitor("forecasted")]
public partial record Forecasted
{
    [DriftTest, Prediction(Score = nameof(Confidence))]
    public Sky Sky { get; init; }

    public double Confidence { get; init; }
}

/// <summary>A regressor's output.</summary>
[Monitor("priced")]
public partial record Priced
{
    [DriftTest, Prediction]
    public double Price { get; init; }
}

/// <summary>A string classifier's output: its classes are learned as they are predicted or labelled.</summary>
[Monitor("tagged")]
public partial record Tagged
{
    [Prediction]
    public string? Tag { get; init; }
}

/// <summary>A binary classifier's output, with the predicted class's probability: log loss and ROC AUC follow.</summary>
[Monitor("flagged")]
public partial record Flagged
{
    [Prediction(Score = nameof(Probability))]
    public bool Fraud { get; init; }

    public float Probability { get; init; }
}

/// <summary>A binary classifier's output whose id is the caller's own: labels name the order, not a generated id.</summary>
[Monitor("ordered")]
public partial record Ordered
{
    [DriftTest, Prediction(Score = nameof(Probability), Id = nameof(OrderId))]
    public bool Fraud { get; init; }

    public double Probability { get; init; }

    public string? OrderId { get; init; }
}
