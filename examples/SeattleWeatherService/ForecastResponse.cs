namespace SeattleWeatherService;

/// <summary>What <c>POST /predict</c> answers: the forecast, and the id its label is sent back with.</summary>
/// <param name="PredictionId">The id of the prediction, for <c>POST /monitoring/labels</c>; null if it cannot be labelled.</param>
/// <param name="Weather">The most probable weather.</param>
/// <param name="Confidence">Its probability.</param>
internal sealed record ForecastResponse(string? PredictionId, Weather Weather, float Confidence);
