namespace MonitorGen.Telemetry;

/// <summary>Instrument and tag names, following the OpenTelemetry semantic conventions; the README's Telemetry section lists them.</summary>
/// <remarks>Linked as source into each package that records or queries MonitorGen telemetry, so that the names are one
/// fact in one place without being public API: users see them in the exported telemetry and in the README.</remarks>
internal static class InstrumentNames
{
    /// <summary>Counter of observed rows.</summary>
    public const string Predictions = "monitorgen.predictions";
    /// <summary>Histogram of model inference durations, in seconds (recorded by a monitored inference session).</summary>
    public const string PredictionDuration = "monitorgen.prediction.duration";
    /// <summary>Counter of model inference calls that threw.</summary>
    public const string PredictionErrors = "monitorgen.prediction.errors";
    /// <summary>Counter of null feature values.</summary>
    public const string FeatureMissing = "monitorgen.feature.missing";
    /// <summary>Counter of NaN and infinite feature values.</summary>
    public const string FeatureNonFinite = "monitorgen.feature.non_finite";
    /// <summary>Counter of values outside the <see cref="ExpectAttribute"/> range.</summary>
    public const string FeatureOutOfRange = "monitorgen.feature.out_of_range";
    /// <summary>Counter of categories absent from the reference profile (and of undefined enum values).</summary>
    public const string FeatureUnseenCategory = "monitorgen.feature.unseen_category";
    /// <summary>Observable counter per feature and reference bin: the rows of every closed window, for drift
    /// over a whole fleet in PromQL (docs/fleet.md).</summary>
    public const string FeatureBinRows = "monitorgen.feature.bin.rows";
    /// <summary>Gauge of the latest drift score per feature.</summary>
    public const string DriftScore = "monitorgen.drift.score";
    /// <summary>Gauge per feature: 1 when the feature drifted in its model's latest drift check, 0 when it was tested and did not.</summary>
    public const string DriftDetected = "monitorgen.drift.detected";
    /// <summary>Gauge per model: 1 when the dataset drifted in the latest drift check, 0 otherwise.</summary>
    public const string DatasetDrift = "monitorgen.drift.dataset";
    /// <summary>Counter of failures inside MonitorGen itself (never thrown to the host).</summary>
    public const string SelfErrors = "monitorgen.self.errors";
    /// <summary>Observable counter per label source: labels offered to the monitor, whatever became of them.</summary>
    public const string LabelsReceived = "monitorgen.labels.received";
    /// <summary>Observable counter per label source: labels joined to their prediction.</summary>
    public const string LabelsMatched = "monitorgen.labels.matched";
    /// <summary>Observable counter per label source: labels whose prediction is past the label horizon or was pushed out of the table.</summary>
    public const string LabelsLate = "monitorgen.labels.late";
    /// <summary>Observable counter per label source: labels whose id no prediction of the monitor has.</summary>
    public const string LabelsUnmatched = "monitorgen.labels.unmatched";
    /// <summary>Observable counter per label source: second labels from the same source for one prediction.</summary>
    public const string LabelsDuplicate = "monitorgen.labels.duplicate";
    /// <summary>Observable counter per label source: labels whose value is unusable (an unknown class, a non-finite number, another type).</summary>
    public const string LabelsRejected = "monitorgen.labels.rejected";
    /// <summary>Counter of label items an endpoint could not hand to any monitor: not an object, an unknown source, or
    /// no (or more than one) monitored record that matches.</summary>
    public const string LabelsMalformed = "monitorgen.labels.malformed";
    /// <summary>Observable gauge: predictions still waiting for a natural label within the horizon.</summary>
    public const string LabelsPending = "monitorgen.labels.pending";
    /// <summary>Counter per operation (<c>open</c>, <c>flush</c>, <c>take</c>, <c>deliveries</c>, <c>window</c>) of
    /// <see cref="MonitorGen.Labels.LabelStore"/> failures: an outage is counted here and retried, never thrown.</summary>
    public const string LabelStoreErrors = "monitorgen.labels.store.errors";
    /// <summary>Counter of predictions pushed out of the in-memory table before they were copied to the label store.</summary>
    public const string LabelStoreDropped = "monitorgen.labels.store.dropped";
    /// <summary>Histogram per label source of the time from a prediction to its matched label, in seconds.</summary>
    public const string LabelDelay = "monitorgen.labels.delay";
    /// <summary>Gauge per label source: labels over predictions of the latest closed window.</summary>
    public const string LabelCompleteness = "monitorgen.labels.completeness";
    /// <summary>Gauge per label source and metric: the realized performance of the newest closed window with labels.</summary>
    public const string PerformanceWindow = "monitorgen.performance.window";
    /// <summary>Gauge per label source and metric: the realized performance of every labelled prediction so far.</summary>
    public const string PerformanceCumulative = "monitorgen.performance.cumulative";
    /// <summary>Prefix of the KPI histograms.</summary>
    public const string KpiPrefix = "monitorgen.kpi.";

    /// <summary>Tag of <see cref="LabelStoreErrors"/>: the store operation that failed.</summary>
    public const string OperationTag = "operation";
    /// <summary>Tag: the model name.</summary>
    public const string ModelTag = "model";
    /// <summary>Tag: the model version.</summary>
    public const string ModelVersionTag = "model.version";
    /// <summary>Tag of <c>monitorgen.predictions</c> and the drift gauges: the monitored record's type name (a model's input and output records are counted and checked apart).</summary>
    public const string RecordTag = "record";
    /// <summary>Tag: the feature name.</summary>
    public const string FeatureTag = "feature";
    /// <summary>Tag of <see cref="FeatureBinRows"/>: the reference bin, its index (<c>0</c>…) for a numerical feature, the
    /// category (or <c>other</c>) for a categorical one.</summary>
    public const string BinTag = "bin";
    /// <summary>Tag: the drift method id.</summary>
    public const string MethodTag = "method";
    /// <summary>Tag of <see cref="SelfErrors"/>: where the failure was caught, one of <see cref="SelfErrorSources"/>; of the
    /// label instruments: the label source (<c>natural</c>, <c>hand</c>, <c>programmatic</c>).</summary>
    public const string SourceTag = "source";
    /// <summary>Tag of the performance gauges: the figure, for example <c>accuracy</c>, <c>macro_f1</c> or <c>mae</c>.</summary>
    public const string MetricTag = "metric";
}
