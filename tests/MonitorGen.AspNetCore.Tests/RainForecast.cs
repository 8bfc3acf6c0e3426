using MonitorGen;

namespace MonitorGen.AspNetCore.Tests;

/// <summary>A binary classifier's output, with a prediction and its score, for the label endpoints.</summary>
[Monitor("rain-forecast")]
public partial record RainForecast
{
    [DriftTest] public double Precipitation { get; init; }

    [Prediction(Score = nameof(Probability))] public bool Rain { get; init; }

    public double Probability { get; init; }
}
