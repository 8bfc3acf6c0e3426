using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using MonitorGen.Sketches;
using MonitorGen.State;
using MonitorGen.Telemetry;

namespace MonitorGen.Monitoring;

/// <summary>What numerical and categorical features share: identity, profile, and data-quality reporting.</summary>
internal abstract class FeatureState
{
    private readonly MonitorInstruments _instruments;
    private readonly KeyValuePair<string, object?>[] _tags;
    private readonly ILogger _logger;
    private readonly string _modelName;

    private protected FeatureState(int index, FeatureSchema schema, FeatureProfile profile, MonitorInstruments instruments, ILogger logger,
        string modelName, ShardPool shards)
    {
        Index = index;
        Shards = shards;
        Schema = schema;
        Profile = profile;
        _instruments = instruments;
        _tags = instruments.FeatureTags(schema.Name);
        _logger = logger;
        _modelName = modelName;
    }

    /// <summary>The feature as declared.</summary>
    public FeatureSchema Schema { get; }

    /// <summary>The feature's reference profile.</summary>
    public FeatureProfile Profile { get; }

    /// <summary>The feature name.</summary>
    public string Name => Schema.Name;

    /// <summary>The rows per reference bin of every window closed so far, published on <c>monitorgen.feature.bin.rows</c>.</summary>
    public BinTotals BinTotals { get; private protected init; } = null!;

    /// <summary>Observes a null value.</summary>
    /// <param name="shard">The calling thread's windows, from the monitor's <c>BeginRow</c>.</param>
    public abstract DataQualityIssues ObserveMissing(WindowShard shard);

    // Closes the feature's window (merging the threads' shards), tests it against the profile and recycles it.
    internal abstract FeatureDriftResult CloseAndEvaluate(WindowShard[] closedShards, MonitorOptions options);

    // Merges drained shards into the pending window without closing it, and returns the feature's windows as saved.
    internal abstract FeatureWindowState CaptureState(WindowShard[] drainedShards);

    // Carries a saved state (checked by MonitorStateStore) over into the pending window and the ring.
    internal abstract void RestoreState(FeatureWindowState state);

    private protected static WindowState QualityState(DataQualityCounts quality) => new()
    {
        Missing = quality.Missing,
        NonFinite = quality.NonFinite,
        OutOfRange = quality.OutOfRange,
        UnseenCategory = quality.UnseenCategory,
    };

    private protected static void RestoreQuality(DataQualityCounts quality, WindowState state) =>
        quality.Restore(state.Missing, state.NonFinite, state.OutOfRange, state.UnseenCategory);

    // The feature's position in the schema, and so in every WindowShard.
    private protected int Index { get; }

    private protected ShardPool Shards { get; }

    private protected DataQualityIssues Report(DataQualityIssues issue, DataQualityCounts counts)
    {
        counts.Increment(issue);
        var counter = issue switch
        {
            DataQualityIssues.Missing => _instruments.Missing,
            DataQualityIssues.NonFinite => _instruments.NonFinite,
            DataQualityIssues.OutOfRange => _instruments.OutOfRange,
            _ => _instruments.UnseenCategory,
        };
        // A metrics listener or a logger that throws is counted, and the rest of the row is still observed.
        MonitorGenDiagnostics.Contain((counter, _tags), static s => s.counter.Add(1, s._tags), SelfErrorSources.Observe, _modelName, _instruments.ModelVersion);
        MonitorGenDiagnostics.Contain((_logger, _modelName, Schema.Name, issue), static s => MonitorLog.DataQualityIssue(s._logger, s._modelName, s.Name, s.issue),
            SelfErrorSources.Log, _modelName, _instruments.ModelVersion);

        return issue;
    }
}
