using System.Collections.Generic;
using System.Diagnostics.Metrics;
using MonitorGen.Telemetry;

namespace MonitorGen.Monitoring;

/// <summary>The data-quality instruments of one monitor, with its tag lists built once (the row count is observed: <c>ObservableInstruments</c>).</summary>
internal sealed class MonitorInstruments
{
    public MonitorInstruments(MonitorSchema schema)
    {
        Meter meter = MonitorGenDiagnostics.Meter;
        ModelName = schema.ModelName;
        ModelVersion = schema.ModelVersion;
        Missing = meter.CreateCounter<long>(InstrumentNames.FeatureMissing, "{value}", "Null feature values.");
        NonFinite = meter.CreateCounter<long>(InstrumentNames.FeatureNonFinite, "{value}", "NaN or infinite feature values.");
        OutOfRange = meter.CreateCounter<long>(InstrumentNames.FeatureOutOfRange, "{value}", "Feature values outside the expected range.");
        UnseenCategory = meter.CreateCounter<long>(InstrumentNames.FeatureUnseenCategory, "{value}", "Categories absent from the reference profile.");
        ModelTags = new KeyValuePair<string, object?>[]
        {
            new(InstrumentNames.ModelTag, schema.ModelName),
            new(InstrumentNames.ModelVersionTag, schema.ModelVersion ?? ""),
        };
        PredictionTags = new KeyValuePair<string, object?>[]
        {
            ModelTags[0],
            ModelTags[1],
            new(InstrumentNames.RecordTag, schema.RecordName),
        };
    }

    /// <summary>The model, as self errors are tagged.</summary>
    public string ModelName { get; }

    /// <summary>The model version, if any.</summary>
    public string? ModelVersion { get; }

    public Counter<long> Missing { get; }

    public Counter<long> NonFinite { get; }

    public Counter<long> OutOfRange { get; }

    public Counter<long> UnseenCategory { get; }

    public KeyValuePair<string, object?>[] ModelTags { get; }

    /// <summary>
    /// The model's tags and the record's name: a model's input and output records each count every prediction, so a query
    /// selects one record rather than summing both.
    /// </summary>
    public KeyValuePair<string, object?>[] PredictionTags { get; }

    /// <summary>The tags of one bin of <c>monitorgen.feature.bin.rows</c>.</summary>
    public KeyValuePair<string, object?>[] BinTags(string feature, string bin) =>
    [
        ModelTags[0],
        ModelTags[1],
        PredictionTags[2],
        new(InstrumentNames.FeatureTag, feature),
        new(InstrumentNames.BinTag, bin),
    ];

    public KeyValuePair<string, object?>[] FeatureTags(string feature) => new KeyValuePair<string, object?>[]
    {
        ModelTags[0],
        ModelTags[1],
        new(InstrumentNames.FeatureTag, feature),
    };
}
