namespace MonitorGen.IntegrationTests.ExampleService;

/// <summary>
/// The classes that run the example service inside the test process, one after the other: its instruments are
/// process-wide (one prediction-duration histogram for every session), so two apps predicting at once would count each
/// other's predictions on their /metrics.
/// </summary>
[CollectionDefinition(nameof(InProcessExampleCollection))]
public sealed class InProcessExampleCollection;
