using MonitorGen;

namespace MonitorGen.Tests.Records;

/// <summary>A numerical feature tested with Student's t-test, which the window's running moments compute exactly.</summary>
[Monitor("t-test")]
public partial record Measurement
{
    [DriftTest(DriftMethod.TTest)] public double Value { get; init; }
}
