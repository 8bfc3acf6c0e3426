using MonitorGen;

namespace MonitorGen.IntegrationTests.Prometheus;

/// <summary>Where a sensor hangs.</summary>
public enum Zone
{
    North,
    South,
    East,
}

/// <summary>A sensor reading, the input of a model served behind Kestrel and scraped by a real Prometheus.</summary>
[Monitor("sensor-model", Version = "2")]
public partial record SensorReading
{
    [DriftTest] public double Temperature { get; init; }
    [DriftTest] public double Humidity { get; init; }
    [DriftTest] public Zone Zone { get; init; }
}
