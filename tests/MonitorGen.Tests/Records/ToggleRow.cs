using MonitorGen;

namespace MonitorGen.Tests.Records;

/// <summary>A two-valued enum.</summary>
public enum Toggle
{
    Off,
    On,
}

/// <summary>A binary feature, which the default rules test with z.</summary>
[Monitor("toggle")]
public partial record ToggleRow([DriftTest] Toggle State);
