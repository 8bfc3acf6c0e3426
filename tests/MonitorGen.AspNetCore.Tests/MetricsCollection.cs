namespace MonitorGen.AspNetCore.Tests;

/// <summary>
/// Tests that assert exact counts on <c>/metrics</c>. The MonitorGen meter is process-wide, so every app's exporter also
/// sees rows that other tests observe: these tests run alone, after the parallel ones.
/// </summary>
[CollectionDefinition(nameof(MetricsCollection), DisableParallelization = true)]
public sealed class MetricsCollection
{
}
