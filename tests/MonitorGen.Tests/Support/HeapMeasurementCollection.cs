namespace MonitorGen.Tests.Support;

/// <summary>Tests that measure the process's heap run alone: other tests' live objects would count as their growth.</summary>
[CollectionDefinition(nameof(HeapMeasurementCollection), DisableParallelization = true)]
public sealed class HeapMeasurementCollection;
