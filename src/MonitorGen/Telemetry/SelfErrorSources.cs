namespace MonitorGen.Telemetry;

/// <summary>Values of the <see cref="InstrumentNames.SourceTag"/> tag of <c>monitorgen.self.errors</c>: where inside MonitorGen a failure was caught.</summary>
/// <remarks>For MonitorGen's own packages, hidden from IntelliSense; the values are listed in docs/aspnetcore.md (Telemetry).</remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class SelfErrorSources
{
    /// <summary>Observing a row (the generated <c>Observe</c>).</summary>
    public const string Observe = "observe";

    /// <summary>A drift check, or one feature's test inside it.</summary>
    public const string DriftCheck = "drift_check";

    /// <summary>A drift check that left a window shard for the next check, because a row held it longer than
    /// <see cref="MonitorOptions.DrainTimeout"/>.</summary>
    public const string DriftCheckWait = "drift_check_wait";

    /// <summary>Saving or restoring a monitor's window state (<see cref="MonitorOptions.StatePath"/>), or a saved state refused.</summary>
    public const string State = "state";

    /// <summary>Writing a log event (a logger or log sink that threw).</summary>
    public const string Log = "log";

    /// <summary>An observable gauge callback.</summary>
    public const string Gauge = "gauge";

    /// <summary>The telemetry around a model inference (a monitored inference session's metrics, span or log).</summary>
    public const string Prediction = "prediction";

    /// <summary>The label store's background copy of the predictions and read of the labels other replicas joined
    /// (<see cref="MonitorOptions.LabelStore"/>), beyond the store failures <c>monitorgen.labels.store.errors</c> counts.</summary>
    public const string LabelStore = "label_store";

    /// <summary>A labeling function that threw (it abstains on the row), or a run of the labeling functions.</summary>
    public const string LabelingFunction = "labeling_function";

    /// <summary>The background drift-check schedule.</summary>
    public const string Scheduler = "scheduler";
}
