using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading;
using MonitorGen.Monitoring;
using MonitorGen.Performance;
using MonitorGen.Telemetry;

namespace MonitorGen.Labels;

/// <summary>
/// A monitor's side of the labels: the pending predictions its rows store, the labels matched to them, and the realized
/// performance per window and source that follows.
/// </summary>
/// <remarks>
/// Storing a prediction is on the hot path: a coarse clock read and a few stores into the row's own slot of the table.
/// Everything a label does (parsing, the join, the ledger) runs on the thread that records it.
/// </remarks>
internal sealed class LabelJoin : IDisposable
{
    private static readonly TimeSpan StoreInterval = TimeSpan.FromSeconds(1);

    private static readonly int Outcomes = Enum.GetValues<LabelOutcome>().Length;

    private readonly long[] _counts = new long[Enum.GetValues<LabelSource>().Length * Enum.GetValues<LabelOutcome>().Length];
    private readonly Histogram<double> _delay;
    // A declared classifier's class count, checked without the class table's loads; 0 for learned string classes.
    private readonly int _declaredClasses;
    private readonly KeyValuePair<string, object?>[][] _sourceTags;
    private readonly PredictionStore? _store;
    // The high bits of this process's prediction ids: its epoch in the store, 0 without one.
    private readonly long _epochBits;
    private readonly WeakTimer<LabelJoin>? _storeTimer;

    public LabelJoin(MonitorSchema schema, MonitorOptions options, int slots, DateTimeOffset openedAt)
    {
        FeatureSchema prediction = schema.Prediction ?? throw new ArgumentException("The schema declares no prediction.", nameof(schema));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.LabelCapacity, 1, nameof(MonitorOptions.LabelCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.LabelHorizon, TimeSpan.Zero, nameof(MonitorOptions.LabelHorizon));
        Prediction = prediction;
        IsRegression = prediction.Kind == FeatureKind.Numerical;
        Classes = IsRegression ? null
            : prediction.DeclaredCategories.Count > 0 ? PredictionClasses.Declared(prediction.DeclaredCategories)
            : PredictionClasses.Open();
        bool binary = Classes is not null && prediction.DeclaredCategories.Count == 2;
        _declaredClasses = IsRegression ? 0 : prediction.DeclaredCategories.Count;
        Clock = new PredictionClock(options.TimeProvider);
        IsKeyed = schema.PredictionId is not null;
        Table = new PendingPredictionTable(slots, Math.Max(1, (options.LabelCapacity + slots - 1) / slots), options.LabelHorizon, IsKeyed, IsRegression);
        if (options.HandLabelBudget != 0)
        {
            if (!(options.HandLabelBudget > 0 && double.IsFinite(options.HandLabelBudget)))
            {
                throw new ArgumentOutOfRangeException(nameof(MonitorOptions.HandLabelBudget), options.HandLabelBudget, "The hand-label budget is a finite number of labels per period, at least 0.");
            }

            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.HandLabelPeriod, TimeSpan.Zero, nameof(MonitorOptions.HandLabelPeriod));
            if (!Enum.IsDefined(options.HandLabelStrategy))
            {
                throw new ArgumentOutOfRangeException(nameof(MonitorOptions.HandLabelStrategy), options.HandLabelStrategy, "Not a sampling strategy.");
            }

            // A regressor has no classes to stratify or confidence to doubt.
            HandLabels = IsRegression ? null : new HandLabelQueue(options);
        }

        Ledger = new PerformanceLedger(Classes?.Capacity ?? 0, binary && schema.PredictionScore is not null, options.ReportHistory, openedAt);
        _delay = MonitorGenDiagnostics.Meter.CreateHistogram<double>(InstrumentNames.LabelDelay, "s", "The time from a prediction to its matched label.");
        _sourceTags = Array.ConvertAll(Enum.GetValues<LabelSource>(), source => SourceTags(schema, source));
        if (options.LabelStore is { } labelStore)
        {
            _store = new PredictionStore(labelStore, $"{schema.ModelName}/{schema.TypeName}", Declaration(prediction, schema.PredictionId), _sourceTags[0][..3], IsRegression);
            _store.Open(slots, options.ReportHistory, Clock.UtcTicks,
                (windows, windowBase) => Ledger.Restore(windows, windowBase),
                label => AddStored(label));
            _store.TakeDeliveries(AddStored);
            _epochBits = PredictionId.EpochValue(_store.Epoch);
            _storeTimer = new WeakTimer<LabelJoin>(this, static join => join.SyncContained(), StoreInterval);
        }
    }

    // What a store must hold for its rows to mean the same here: the kind, and a classifier's declared classes.
    private static string Declaration(FeatureSchema prediction, string? id) => (id is null ? "" : $"id {id}, ") + (prediction.Kind == FeatureKind.Numerical
        ? "regression"
        : prediction.DeclaredCategories.Count > 0 ? $"classification [{string.Join(", ", prediction.DeclaredCategories)}]" : "classification (string classes)");

    /// <summary>A classifier's labeling functions, once the generated <c>AddLabelingFunction</c> added one.</summary>
    internal ILabelingFunctions? LabelingFunctions { get; set; }

    /// <summary>The tags of one source's label and performance series.</summary>
    public KeyValuePair<string, object?>[] TagsOf(LabelSource source) => _sourceTags[(int)source];

    private static KeyValuePair<string, object?>[] SourceTags(MonitorSchema schema, LabelSource source) =>
    [
        new(InstrumentNames.ModelTag, schema.ModelName),
        new(InstrumentNames.ModelVersionTag, schema.ModelVersion ?? ""),
        new(InstrumentNames.RecordTag, schema.RecordName),
        new(InstrumentNames.SourceTag, NameOf(source)),
    ];

    /// <summary>The prediction as declared: categorical for a classifier, numerical for a regressor.</summary>
    public FeatureSchema Prediction { get; }

    public bool IsRegression { get; }

    /// <summary>Whether a prediction's id is the row's own (<see cref="PredictionAttribute.Id"/>) rather than generated.</summary>
    public bool IsKeyed { get; }

    /// <summary>A classifier's classes; null for a regressor.</summary>
    public PredictionClasses? Classes { get; }

    public PredictionClock Clock { get; }

    public PendingPredictionTable Table { get; }

    public PerformanceLedger Ledger { get; }

    /// <summary>The hand-label requests, when <see cref="MonitorOptions.HandLabelBudget"/> is set for a classifier.</summary>
    public HandLabelQueue? HandLabels { get; }

    /// <summary>How many labels from <paramref name="source"/> ended as <paramref name="outcome"/>.</summary>
    public long Count(LabelSource source, LabelOutcome outcome) => Volatile.Read(ref _counts[((int)source * Outcomes) + (int)outcome]);

    /// <summary>How many labels from <paramref name="source"/> were offered.</summary>
    public long Received(LabelSource source)
    {
        long received = 0;
        foreach (LabelOutcome outcome in Enum.GetValues<LabelOutcome>())
        {
            received += Count(source, outcome);
        }

        return received;
    }

    /// <summary>Stores a row's prediction in the row's slot; returns its id's value, or -1 when it cannot be labelled (a
    /// missing class, a string class beyond the cap, a non-finite value, a missing own id, or a row nested deeper than
    /// the slots).</summary>
    /// <param name="shard">The row's window shard, which holds its slot's ring.</param>
    /// <param name="code">A classifier's class code.</param>
    /// <param name="value">A regressor's value (the code again for a classifier).</param>
    /// <param name="score">The declared score, or NaN.</param>
    /// <param name="keyHash">The hash of the row's own id (<see cref="PredictionKeyIndex.Hash"/>); 0 for a generated id.</param>
    /// <remarks>Called inside the row, which holds the slot: the slot's ring has this one writer.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Store(WindowShard shard, int code, double value, double score, long keyHash = 0)
    {
        PendingPredictionRing? ring = shard.PendingPredictions;
        if (ring is null || (IsRegression ? !double.IsFinite(value) : (uint)code >= (uint)_declaredClasses && !Classes!.IsClass(code))
            || (IsKeyed && keyHash <= 0))
        {
            return -1;
        }

        return ring.AddForId(Clock.UtcTicks, shard.Window, code, value, (float)score, keyHash) | _epochBits;
    }

    /// <summary>Joins a label, given as a class code or a number, to the prediction with <paramref name="predictionId"/>.</summary>
    public LabelOutcome Record(string? predictionId, LabelSource source, int code, double value, out string? reason)
    {
        if (!Enum.IsDefined(source))
        {
            throw new ArgumentOutOfRangeException(nameof(source), source, "Not a label source.");
        }

        if (IsRegression ? !double.IsFinite(value) : !Classes!.IsClass(code))
        {
            reason = IsRegression ? "the label is not a finite number" : "the label is not a class of the prediction";
            return Counted(source, LabelOutcome.Rejected);
        }

        long now = Clock.UtcTicks;
        if (IsKeyed)
        {
            return RecordByKey(predictionId, source, code, value, now, out reason);
        }

        if (!PredictionId.TryParse(predictionId, out PredictionId id))
        {
            reason = "the prediction id is not one this service issued (16 hexadecimal digits)";
            return Counted(source, LabelOutcome.Unmatched);
        }

        if (_store is not null)
        {
            return RecordInStore(id.Value, 0, predictionId!, source, code, value, now, out reason);
        }

        // Without a store, every id this process issued has epoch 0.
        LabelOutcome outcome = id.Epoch != 0 ? LabelOutcome.Unmatched : TakeFromTable(id, source, code, value, now, predictionId!);
        reason = ReasonOf(outcome);
        return Counted(source, outcome);
    }

    // The join in this process's own table: the prediction taken for the source, added to the ledger, and the
    // labeling functions' votes judged by it.
    private LabelOutcome TakeFromTable(PredictionId id, LabelSource source, int code, double value, long now, string predictionId)
    {
        LabelOutcome outcome = Table.TryTake(id, source, now, out PendingPrediction prediction, IsRegression ? -1 : code);
        if (outcome == LabelOutcome.Matched)
        {
            AddMatched(source, prediction, code, value, now, predictionId);
            JudgeVotes(id.Value, source, code);
        }

        return outcome;
    }

    private static string? ReasonOf(LabelOutcome outcome) => outcome switch
    {
        LabelOutcome.Matched => null,
        LabelOutcome.Late => "the prediction is past the label horizon, or was pushed out of the pending table",
        LabelOutcome.Duplicate => "the prediction already has a label from this source",
        _ => "no prediction has this id",
    };

    // A prediction whose id is the row's own: found by the id's hash, in the table or in the store.
    private LabelOutcome RecordByKey(string? predictionId, LabelSource source, int code, double value, long now, out string? reason)
    {
        long keyHash = PredictionKeyIndex.Hash(predictionId);
        if (keyHash == PredictionKeyIndex.Missing)
        {
            reason = "the prediction id is null or empty";
            return Counted(source, LabelOutcome.Unmatched);
        }

        if (_store is not null)
        {
            return RecordInStore(0, keyHash, predictionId!, source, code, value, now, out reason);
        }

        LabelOutcome outcome = Table.TryTakeByKey(keyHash, source, now, out PendingPrediction prediction, out PredictionId taken, IsRegression ? -1 : code);
        reason = ReasonOf(outcome);
        if (outcome == LabelOutcome.Matched)
        {
            AddMatched(source, prediction, code, value, now, predictionId!);
            JudgeVotes(taken.Value, source, code);
        }

        return Counted(source, outcome);
    }

    /// <summary>
    /// Joins a label to the prediction this process stored as <paramref name="predictionId"/> (the value its store
    /// returned), whatever the id's form: the labeling functions' majority vote, recorded off the hot path.
    /// </summary>
    public LabelOutcome RecordById(long predictionId, LabelSource source, int code)
    {
        long now = Clock.UtcTicks;
        if (_store is not null)
        {
            return RecordInStore(predictionId, 0, "", source, code, code, now, out _);
        }

        return Counted(source, TakeFromTable(PredictionId.FromValue(predictionId), source, code, code, now, ""));
    }

    // A natural or hand label of a prediction that the labeling functions voted on judges their votes.
    private void JudgeVotes(long predictionId, LabelSource source, int code)
    {
        if (source != LabelSource.Programmatic && LabelingFunctions is { } functions)
        {
            functions.Judge(predictionId, code);
        }
    }

    private void AddMatched(LabelSource source, in PendingPrediction prediction, int code, double value, long now, string predictionId)
    {
        double delay = Math.Max(0, (now - prediction.TimestampTicks) / (double)TimeSpan.TicksPerSecond);
        double weight = source == LabelSource.Hand && HandLabels is { } hand ? hand.TakeWeight(predictionId) : 1;
        Ledger.Add(source, prediction, code, value, delay, weight);
        _delay.Record(delay, _sourceTags[(int)source]);
    }

    // With a store, the store decides the join, for the predictions of every replica and of this instance's earlier
    // processes; this process's own table only follows, so that its pending count and hand-label offers stay right.
    // The prediction is the one with the generated id (idValue), or the newest with the own id's hash (keyHash, not 0).
    private LabelOutcome RecordInStore(long idValue, long keyHash, string predictionId, LabelSource source, int code, double value, long now, out string? reason)
    {
        PredictionStore store = _store!;
        Flush();
        string? actual = IsRegression ? null : Classes!.Names[code];
        LabelOutcome? stored = store.Take(idValue, keyHash, source, actual, IsRegression ? value : double.NaN, now, Table.HorizonTicks,
            () => source == LabelSource.Hand && HandLabels is { } hand ? hand.TakeWeight(predictionId) : 1, out StoredLabel? label, out bool own, out long takenId);
        if (stored is not { } outcome)
        {
            reason = "the label store is unavailable, so the label was not recorded: send it again";
            return Counted(source, LabelOutcome.Rejected);
        }

        reason = ReasonOf(outcome);
        if (outcome == LabelOutcome.Matched && label is not null)
        {
            if (own)
            {
                AddStored(label);
            }

            PredictionId taken = PredictionId.FromValue(takenId);
            if (taken.Epoch == store.Epoch)
            {
                Table.TryTake(taken with { Epoch = 0 }, source, now, out _, IsRegression ? -1 : code);
                JudgeVotes(takenId, source, code);
            }

            _delay.Record(label.DelaySeconds, _sourceTags[(int)source]);
        }

        return Counted(source, outcome);
    }

    /// <summary>Adds a label read from the store to the ledger; a class this process cannot name (beyond the cap of
    /// string classes) is left out.</summary>
    private void AddStored(StoredLabel label)
    {
        int code = IsRegression ? 0 : CodeOfLabel(label.Predicted);
        int actual = IsRegression ? 0 : CodeOfLabel(label.Actual);
        if (!IsRegression && (code < 0 || actual < 0))
        {
            return;
        }

        int programmatic = IsRegression || label.Programmatic is null ? -1 : CodeOfLabel(label.Programmatic);
        var prediction = new PendingPrediction(label.TimestampTicks, label.Window, code, IsRegression ? label.Value : code, (float)label.Score, programmatic);
        Ledger.Add(label.Source, prediction, actual, IsRegression ? label.ActualValue : actual, label.DelaySeconds, label.Weight);
    }

    /// <summary>Copies the new predictions to the store; a no-op without one. Never throws for a store failure.</summary>
    public void Flush() =>
        _store?.Flush(Table, IsRegression ? null : code => Classes!.IsClass(code) ? Classes.Names[code] : null, Clock.UtcTicks, Table.HorizonTicks);

    /// <summary>Copies the new predictions to the store and reads the labels other replicas joined to this instance's.</summary>
    public void Sync()
    {
        if (_store is { } store)
        {
            Flush();
            store.TakeDeliveries(AddStored);
        }
    }

    private void SyncContained() => MonitorGenDiagnostics.Contain(this, static join => join.Sync(), SelfErrorSources.LabelStore, _sourceTags[0][0].Value as string, _sourceTags[0][1].Value as string);

    /// <summary>Closes the ledger's open window, and stores it with the predictions made in it.</summary>
    public void CloseWindow(DateTimeOffset openedAt, DateTimeOffset closedAt, long predictions)
    {
        long closed = Ledger.Close(closedAt, predictions) - 1;
        if (_store is { } store)
        {
            Flush();
            store.SaveWindow(closed, openedAt.UtcTicks, closedAt.UtcTicks, predictions);
        }
    }

    /// <summary>Stops the labeling functions' and the store's timers, and copies the last predictions to the store.</summary>
    public void Dispose()
    {
        LabelingFunctions?.Dispose();
        if (_storeTimer is { } timer)
        {
            timer.Dispose();
            SyncContained();
        }
    }

    /// <summary>Joins a label given as JSON: a class's name (or true/false for a bool prediction), or a number.</summary>
    public LabelOutcome Record(string? predictionId, LabelSource source, JsonElement label, out string? reason)
    {
        if (IsRegression)
        {
            return label.ValueKind == JsonValueKind.Number && label.TryGetDouble(out double number)
                ? Record(predictionId, source, 0, number, out reason)
                : Rejected(source, "the label is not a number, as the prediction is", out reason);
        }

        string? name = label.ValueKind switch
        {
            JsonValueKind.String => label.GetString(),
            JsonValueKind.True => bool.TrueString,
            JsonValueKind.False => bool.FalseString,
            _ => null,
        };
        if (name is null || (label.ValueKind is JsonValueKind.True or JsonValueKind.False) != IsBoolean)
        {
            return Rejected(source, IsBoolean ? "the label is not true or false, as the prediction is" : "the label is not a string, as the prediction's class is", out reason);
        }

        int code = CodeOfLabel(name);
        return Record(predictionId, source, code, code, out reason);
    }

    /// <summary>The code of a label's class name: a declared class, or for a string prediction any class, registered
    /// (up to the cap) so that a class the model never predicts still counts; -1 when it is not a class.</summary>
    public int CodeOfLabel(string? name) => Prediction.DeclaredCategories.Count > 0 ? Classes!.CodeOfLabel(name) : Classes!.CodeOfPredicted(name);

    private bool IsBoolean => Prediction.DeclaredCategories is [var first, var second] && first == bool.FalseString && second == bool.TrueString;

    private LabelOutcome Rejected(LabelSource source, string why, out string? reason)
    {
        reason = why;
        return Counted(source, LabelOutcome.Rejected);
    }

    private LabelOutcome Counted(LabelSource source, LabelOutcome outcome)
    {
        Interlocked.Increment(ref _counts[((int)source * Outcomes) + (int)outcome]);
        return outcome;
    }

    /// <summary>The metric figures a gauge publishes for one window, by metric tag value.</summary>
    public static IEnumerable<KeyValuePair<string, double>> Figures(PerformanceWindow window)
    {
        if (window.Classification is { } c)
        {
            yield return new("accuracy", c.Accuracy);
            yield return new("macro_f1", c.MacroF1);
            yield return new("weighted_f1", c.WeightedF1);
        }

        if (window.LogLoss is { } logLoss)
        {
            yield return new("log_loss", logLoss);
        }

        if (window.RocAuc is { } auc)
        {
            yield return new("roc_auc", auc);
        }

        if (window.Regression is { Count: > 0 } r)
        {
            yield return new("mae", r.MeanAbsoluteError);
            yield return new("rmse", r.RootMeanSquaredError);
            yield return new("mape", r.MeanAbsolutePercentageError);
            yield return new("r2", r.R2);
            yield return new("mean_error", r.MeanError);
        }
    }

    /// <summary>The invariant text of a source, as tags and JSON name it.</summary>
    public static string NameOf(LabelSource source) => source switch
    {
        LabelSource.Natural => "natural",
        LabelSource.Hand => "hand",
        LabelSource.Programmatic => "programmatic",
        _ => ((int)source).ToString(CultureInfo.InvariantCulture),
    };
}
