namespace MonitorGen.Telemetry;

/// <summary>Instrument and tag names, following the OpenTelemetry conventions in docs/telemetry.md.</summary>
public static class InstrumentNames
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
    /// <summary>Prefix of the KPI histograms.</summary>
    public const string KpiPrefix = "monitorgen.kpi.";

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
    /// <summary>Tag of <see cref="SelfErrors"/>: where the failure was caught, one of <see cref="SelfErrorSources"/>.</summary>
    public const string SourceTag = "source";
}
