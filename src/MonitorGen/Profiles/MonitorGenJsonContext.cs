using System.Text.Json.Serialization;

namespace MonitorGen.Profiles;

/// <summary>Source-generated JSON metadata for profiles and reports: no reflection, trimming- and AOT-safe.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ReferenceProfile))]
[JsonSerializable(typeof(DriftReport))]
internal sealed partial class MonitorGenJsonContext : JsonSerializerContext
{
}
