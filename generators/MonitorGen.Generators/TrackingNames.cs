namespace MonitorGen.Generators;

/// <summary>Names of the pipeline steps, so that tests can check what was cached.</summary>
internal static class TrackingNames
{
    public const string MonitorTypes = nameof(MonitorTypes);
    public const string ValidMonitorTypes = nameof(ValidMonitorTypes);
    public const string OnnxRecordTypes = nameof(OnnxRecordTypes);
}
