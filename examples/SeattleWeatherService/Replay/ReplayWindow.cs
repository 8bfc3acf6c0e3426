namespace SeattleWeatherService.Replay;

/// <summary>A window of replayed days and the segment it belongs to.</summary>
internal sealed record ReplayWindow(string Segment, IReadOnlyList<WeatherDay> Days);
