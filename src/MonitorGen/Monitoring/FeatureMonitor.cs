using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using MonitorGen.Sketches;
using MonitorGen.State;
using MonitorGen.Telemetry;

namespace MonitorGen;

/// <summary>What numerical and categorical features share: identity, profile, and data-quality reporting.</summary>
internal abstract class FeatureMonitor
{
    private readonly MonitorInstruments _instruments;
    private readonly KeyValuePair<string, object?>[] _tags;
    private readonly ILogger _logger;
    private readonly string _modelName;

    private protected FeatureMonitor(int index, FeatureSchema schema, FeatureProfile profile, MonitorInstruments instruments, ILogger logger,
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
        try
        {
            // Inside the try: a metrics listener that throws must not skip the rest of the row.
            counter.Add(1, _tags);
        }
#pragma warning disable CA1031 // A listener failed: count it, and go on observing the row.
        catch (System.Exception)
#pragma warning restore CA1031
        {
            MonitorGenDiagnostics.CountSelfError(SelfErrorSources.Observe, _modelName, _tags[1].Value as string);
        }

        try
        {
            MonitorLog.DataQualityIssue(_logger, _modelName, Schema.Name, issue);
        }
#pragma warning disable CA1031 // The logger itself failed: count it, and go on observing the row.
        catch (System.Exception)
#pragma warning restore CA1031
        {
            MonitorGenDiagnostics.CountSelfError(SelfErrorSources.Log, _modelName, _tags[1].Value as string);
        }

        return issue;
    }
}
