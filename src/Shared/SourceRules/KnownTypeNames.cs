namespace MonitorGen.SourceRules;

/// <summary>Metadata names of the runtime attributes, shared by the generator and the analyzers.</summary>
internal static class KnownTypeNames
{
    public const string MonitorAttribute = "MonitorGen.MonitorAttribute";
    public const string DriftTestAttribute = "MonitorGen.DriftTestAttribute";
    public const string KpiMetricAttribute = "MonitorGen.KpiMetricAttribute";
    public const string NotMonitoredAttribute = "MonitorGen.NotMonitoredAttribute";
    public const string ExpectAttribute = "MonitorGen.ExpectAttribute";
    public const string DriftMethod = "MonitorGen.DriftMethod";
    public const string PredictionAttribute = "MonitorGen.PredictionAttribute";

    // Defined by MonitorGen.OnnxRuntime, which the analyzers do not reference: found in the compilation when it does.
    public const string OnnxInputAttribute = "MonitorGen.OnnxInputAttribute";
    public const string OnnxIgnoreAttribute = "MonitorGen.OnnxIgnoreAttribute";
    public const string OnnxOutputAttribute = "MonitorGen.OnnxOutputAttribute";
    public const string OnnxRecordAttribute = "MonitorGen.OnnxRecordAttribute";
    public const string OnnxRecordInterface = "MonitorGen.OnnxRuntime.IOnnxRecord`1";
}
