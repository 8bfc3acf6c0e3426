using MonitorGen;

namespace MonitorGen.Tests.Records;

/// <summary>A string feature with its own category cap, and one that takes the fit options' cap.</summary>
[Monitor("visits")]
public partial record Visit(
    [DriftTest(MaxCategories = 2)] string? City,
    [DriftTest] string? Browser);
