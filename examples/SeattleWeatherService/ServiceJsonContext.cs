using System.Text.Json;
using System.Text.Json.Serialization;

namespace SeattleWeatherService;

/// <summary>Source-generated JSON for the prediction endpoint: web defaults, enums as names.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(WeatherFeatures))]
[JsonSerializable(typeof(WeatherForecast))]
[JsonSerializable(typeof(ForecastResponse))]
internal sealed partial class ServiceJsonContext : JsonSerializerContext;
