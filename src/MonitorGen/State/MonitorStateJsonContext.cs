using System.Text.Json.Serialization;

namespace MonitorGen.State;

/// <summary>Source-generated JSON metadata of the saved window state: no reflection, trimming- and AOT-safe.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(MonitorStateDocument))]
internal sealed partial class MonitorStateJsonContext : JsonSerializerContext
{
}
