using System;

namespace MonitorGen.Labels;

/// <summary>One prediction chosen for a hand label, with the probability it had of being chosen.</summary>
/// <param name="PredictionId">The prediction's id.</param>
/// <param name="Predicted">The predicted class, as text.</param>
/// <param name="Confidence">The predicted class's score, in [0, 1].</param>
/// <param name="InclusionProbability">The probability the sampler gave this prediction; a hand label's weight is its inverse.</param>
/// <param name="RequestedAt">When it was chosen.</param>
public sealed record LabelRequest(string PredictionId, string Predicted, double Confidence, double InclusionProbability, DateTimeOffset RequestedAt);
