using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using System.Text.Json;
using MonitorGen.Calibration;
using MonitorGen.Labels;
using MonitorGen.Monitoring;
using MonitorGen.Performance;
using MonitorGen.Profiles;
using MonitorGen.Reports;
using MonitorGen.Sketches;
using MonitorGen.State;
using MonitorGen.Statistics;
using MonitorGen.Telemetry;
using MonitorGen.Windows;

namespace MonitorGen;

/// <summary>
/// Everything a monitor does that is not specific to one monitored type: feature state built from the profile,
/// window bookkeeping, the row's lifecycle, the drift check and the telemetry around it. Each generated monitor derives
/// from <see cref="ModelMonitor{TRow, TBinding}"/>, which adds the typed, allocation-free <c>Observe</c>.
/// </summary>
public abstract class ModelMonitor : IDisposable
{
    private readonly FeatureState[] _features;
    private readonly NumericFeatureState[] _numeric;
    private readonly CategoricalFeatureState[] _categorical;
    private readonly KpiInstrument[] _kpis;
    // Per feature, the metric name of the KPI it is the member of, or null.
    private readonly string?[] _kpiOfFeature;
    private readonly MonitorInstruments _instruments;
    private readonly ILogger _logger;
    private readonly Lock _checkLock = new();
    private readonly ShardPool _shards;
    private readonly LabelJoin? _labels;
    private readonly bool _storesUnnamedPredictions;
    // The sequence number of the open window: the one a row's prediction is stored in, for its label to land there.
    private long _openWindow;
    private long _closedRows;
    private DriftReport? _lastReport;
    private readonly Queue<DriftReport> _recentReports = new();
    private long _windowOpenedTicks;
    private readonly long[] _ringRows;
    private readonly long[] _ringRowsWithIssues;
    private int _ringNext;
    private int _ringFilled;

    // Rows carried into the pending window by SaveState's drain or a restored state, counted in the next check.
    private long _pendingRows;
    private long _pendingRowsWithIssues;

    // Rows a restored state carried from an earlier process, which monitorgen.predictions does not count again; and the
    // highest count exported, which the counter never goes below.
    private long _restoredRows;
    private long _exportedPredictions;

    /// <summary>Builds the feature state from <paramref name="profile"/>.</summary>
    /// <exception cref="ProfileException">The profile was fitted on another schema of the type.</exception>
    internal ModelMonitor(MonitorSchema schema, ReferenceProfile profile, MonitorOptions? options, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(profile);
        Schema = schema;
        Profile = profile;
        Options = options ?? MonitorOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.SampleSize, 1, nameof(MonitorOptions.SampleSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.DrainTimeout, TimeSpan.Zero, nameof(MonitorOptions.DrainTimeout));
        ArgumentOutOfRangeException.ThrowIfNegative(Options.ReportHistory, nameof(MonitorOptions.ReportHistory));
        ArgumentOutOfRangeException.ThrowIfNegative(Options.LabelCapacity, nameof(MonitorOptions.LabelCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Options.LabelHorizon, TimeSpan.Zero, nameof(MonitorOptions.LabelHorizon));
        if (!(Options.PerformanceMargin >= 0 && double.IsFinite(Options.PerformanceMargin)))
        {
            throw new ArgumentOutOfRangeException(nameof(MonitorOptions.PerformanceMargin), Options.PerformanceMargin, "The performance margin is finite and at least 0.");
        }

        if (Options.PerformanceUnhealthyLimit is { } limit && !double.IsFinite(limit))
        {
            throw new ArgumentOutOfRangeException(nameof(MonitorOptions.PerformanceUnhealthyLimit), limit, "The unhealthy limit is a finite number.");
        }
        CheckCalibrationOptions(Options);
        _logger = logger ?? NullLogger.Instance;
        _instruments = new MonitorInstruments(schema);
        FeatureProfile[] matched = ProfileMatcher.Match(schema, profile);
        _shards = new ShardPool(CreateWindows);
        _windowOpenedTicks = Options.TimeProvider.GetUtcNow().UtcTicks;
        // Before the windows, which hold their slot's ring of pending predictions.
        if (schema.Prediction is not null && Options.LabelCapacity > 0)
        {
            _labels = new LabelJoin(schema, Options, _shards.SlotCount, WindowOpenedAt);
            _storesUnnamedPredictions = _labels.IsKeyed || _labels.HandLabels is not null;
        }

        _features = new FeatureState[schema.Features.Count];
        for (int i = 0; i < _features.Length; i++)
        {
            FeatureSchema feature = schema.Features[i];
            _features[i] = feature.Kind == FeatureKind.Numerical
                ? new NumericFeatureState(i, feature, matched[i], Options, _instruments, _logger, schema.ModelName, _shards, Options.Seed + ((ulong)i * 0x9E3779B97F4A7C15))
                : new CategoricalFeatureState(i, feature, matched[i], Options, _instruments, _logger, schema.ModelName, _shards);
        }

        _shards.CreateWindows();
        _numeric = _features.OfType<NumericFeatureState>().ToArray();
        _categorical = _features.OfType<CategoricalFeatureState>().ToArray();
        _kpis = new KpiInstrument[schema.Kpis.Count];
        _kpiOfFeature = new string?[_features.Length];
        for (int i = 0; i < _kpis.Length; i++)
        {
            KpiSchema kpi = schema.Kpis[i];
            int feature = IndexOfFeature(schema, kpi.MemberName);
            bool binned = feature >= 0 && schema.Features[feature].Kind == FeatureKind.Numerical && schema.Features[feature].DriftTested;
            _kpis[i] = new KpiInstrument(kpi, _instruments, binned ? matched[feature].Cuts : null);
            if (feature >= 0)
            {
                _kpiOfFeature[feature] = kpi.MetricName;
            }
        }

        BinSeries = _features
            .Select(f => (f.BinTotals, Array.ConvertAll(f.BinTotals.Bins, bin => _instruments.BinTags(f.Name, bin))))
            .ToArray();
        _ringRows = new long[Options.Window.SubWindows];
        _ringRowsWithIssues = new long[Options.Window.SubWindows];
        if (Options.StatePath is { } statePath && File.Exists(statePath))
        {
            RestoreState(statePath);
        }

        ObservableInstruments.Register(this);
    }

    /// <summary>The monitored type as declared.</summary>
    public MonitorSchema Schema { get; }

    /// <summary>The reference profile.</summary>
    public ReferenceProfile Profile { get; }

    /// <summary>The options.</summary>
    public MonitorOptions Options { get; }

    // The feature state, in declaration order: for the tests and the CLI.
    internal IReadOnlyList<FeatureState> Features => _features;

    /// <summary>Rows observed since the monitor was created, with those of a restored window state (<see cref="MonitorOptions.StatePath"/>).</summary>
    public long ObservedRows => Volatile.Read(ref _closedRows) + WindowRows;

    /// <summary>Rows observed in the current window, summed over the window shards: a live reading, exact once the rows
    /// in flight have finished.</summary>
    /// <remarks>Read pending rows before the slots: a check or a save moves rows out of the slots before it adds them
    /// elsewhere, so this order can read a moving row nowhere, but never twice.</remarks>
    public long WindowRows => Volatile.Read(ref _pendingRows) + _shards.OpenRows;

    /// <summary>Rows observed by this process, for <c>monitorgen.predictions</c>: never fewer than the last reading, since
    /// a check moves rows from the window to the closed count in two steps.</summary>
    internal long PredictionsObserved
    {
        get
        {
            long rows = ObservedRows - _restoredRows;
            long exported = Volatile.Read(ref _exportedPredictions);
            while (rows > exported)
            {
                long seen = Interlocked.CompareExchange(ref _exportedPredictions, rows, exported);
                if (seen == exported)
                {
                    return rows;
                }

                exported = seen;
            }

            return exported;
        }
    }

    internal KeyValuePair<string, object?>[] PredictionTags => _instruments.PredictionTags;

    // The bin totals of each feature (every one has its profile's bins) with the tags of each bin, built once:
    // monitorgen.feature.bin.rows.
    internal (BinTotals Totals, KeyValuePair<string, object?>[][] Tags)[] BinSeries { get; }

    // The pool's size, for tests of bounded memory.
    internal int ShardSlots => _shards.SlotCount;

    /// <summary>The latest drift check, or null before the first.</summary>
    public DriftReport? LastReport => Volatile.Read(ref _lastReport);

    /// <summary>The latest drift checks, oldest first: at most <see cref="MonitorOptions.ReportHistory"/> of them.</summary>
    public IReadOnlyList<DriftReport> RecentReports
    {
        get
        {
            lock (_recentReports)
            {
                return _recentReports.ToArray();
            }
        }
    }

    // The labels of a type with a prediction, null otherwise or with MonitorOptions.LabelCapacity 0.
    internal LabelJoin? Labels => _labels;

    /// <summary>Whether the monitor joins labels: its type declares a <see cref="PredictionAttribute"/> member and
    /// <see cref="MonitorOptions.LabelCapacity"/> is not 0.</summary>
    public bool AcceptsLabels => _labels is not null;

    /// <summary>
    /// The realized performance of the predictions from the labels of <paramref name="source"/>: per window (the open one
    /// and the latest <see cref="MonitorOptions.ReportHistory"/> closed ones) and cumulative. Null when the type declares no
    /// <see cref="PredictionAttribute"/>, or labels are off (<see cref="MonitorOptions.LabelCapacity"/> 0).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="source"/> is not a label source.</exception>
    public PerformanceReport? Performance(LabelSource source = LabelSource.Natural)
    {
        if (!Enum.IsDefined(source))
        {
            throw new ArgumentOutOfRangeException(nameof(source), source, "Not a label source.");
        }

        if (_labels is not { } labels)
        {
            return null;
        }

        labels.Sync();
        IReadOnlyList<string> classes = labels.Classes?.Names ?? Array.Empty<string>();
        LabelingFunctionReport? functions = source == LabelSource.Programmatic && labels.LabelingFunctions is { } lf ? lf.Report(classes) : null;
        (PerformanceWindow cumulative, PerformanceWindow[] windows) = labels.Ledger.Snapshot(source, ObservedRows, classes);
        return new PerformanceReport
        {
            Model = Schema.ModelName,
            ModelVersion = Schema.ModelVersion,
            Record = Schema.RecordName,
            Source = source,
            IsRegression = labels.IsRegression,
            Classes = classes,
            Cumulative = cumulative,
            Windows = windows,
            LabelingFunctions = functions,
        };
    }

    /// <summary>
    /// Joins a label given as JSON to its prediction, as a label endpoint receives it: the class's name (<c>true</c> or
    /// <c>false</c> for a bool prediction) or the number. Code that has the label's type calls the generated, typed
    /// <c>RecordLabel</c> instead. Never throws for a bad label: the outcome and <paramref name="reason"/> say what became of it.
    /// </summary>
    /// <param name="predictionId">The id the monitor gave the prediction.</param>
    /// <param name="label">The actual value.</param>
    /// <param name="source">Where the label comes from.</param>
    /// <param name="reason">Why the label did not count, or null when it matched.</param>
    /// <exception cref="InvalidOperationException">The type declares no <see cref="PredictionAttribute"/>, or labels are off.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="source"/> is not a label source.</exception>
    public LabelOutcome RecordLabel(string? predictionId, JsonElement label, LabelSource source, out string? reason) =>
        RequireLabels().Record(predictionId, source, label, out reason);

    /// <summary>The hand-label requests still waiting for their label, oldest first: empty unless
    /// <see cref="MonitorOptions.HandLabelBudget"/> is set for a classifier.</summary>
    public IReadOnlyList<LabelRequest> LabelRequests => _labels?.HandLabels?.Requests ?? [];

    /// <summary>The waiting hand-label requests as Label Studio tasks (its JSON import format), each with the prediction
    /// as a pre-annotation of a <c>Choices</c> control named <c>label</c> over an object named <c>prediction</c>.</summary>
    public string LabelRequestsAsLabelStudioTasks() => LabelStudioTasks.Write(LabelRequests, Schema.ModelVersion ?? "");

    /// <summary>
    /// Records the hand labels of a Label Studio JSON export of those tasks: per task, the choice of its last annotation
    /// that was not cancelled; a task without one is skipped.
    /// </summary>
    /// <returns>Each label's prediction id and outcome, in the export's order.</returns>
    /// <exception cref="System.IO.InvalidDataException">The document is not such an export; the message names the task.</exception>
    /// <exception cref="InvalidOperationException">The type declares no <see cref="PredictionAttribute"/>, or labels are off.</exception>
    public IReadOnlyList<(string PredictionId, LabelOutcome Outcome)> ImportLabelStudioAnnotations(string export)
    {
        LabelJoin labels = RequireLabels();
        var outcomes = new List<(string, LabelOutcome)>();
        foreach ((string id, string label) in LabelStudioTasks.ReadAnnotations(export))
        {
            if (labels.IsRegression)
            {
                double value = double.TryParse(label, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double number) ? number : double.NaN;
                outcomes.Add((id, labels.Record(id, LabelSource.Hand, 0, value, out _)));
            }
            else
            {
                int code = labels.CodeOfLabel(label);
                outcomes.Add((id, labels.Record(id, LabelSource.Hand, code, code, out _)));
            }
        }

        return outcomes;
    }

    // Offers a closed window's predictions to the hand-label sampler; a failure costs the requests, not the check.
    private void OfferForHandLabels(LabelJoin labels, long window, DateTimeOffset openedAt, DateTimeOffset closedAt, long rows)
    {
        if (labels.HandLabels is { } hand)
        {
            MonitorGenDiagnostics.Contain((hand, labels, window, openedAt, closedAt, rows), static s => s.hand.OfferWindow(s.labels, s.window, s.openedAt, s.closedAt, s.rows),
                SelfErrorSources.DriftCheck, Schema.ModelName, Schema.ModelVersion);
        }
    }

    // The labels, for the generated typed RecordLabel methods.
    private protected LabelJoin RequireLabels() => _labels ?? throw new InvalidOperationException(
        Schema.Prediction is null
            ? $"{Schema.RecordName} declares no [Prediction] member: there is nothing to compare a label with."
            : "Labels are off for this monitor (MonitorOptions.LabelCapacity is 0).");

    /// <summary>When the current (sub-)window opened, by <see cref="MonitorOptions.TimeProvider"/>.</summary>
    public DateTimeOffset WindowOpenedAt => new(Volatile.Read(ref _windowOpenedTicks), TimeSpan.Zero);

    /// <summary>Whether <see cref="MonitorOptions.Window"/> says the current window should close now. Never true for
    /// <see cref="WindowPolicy.Manual"/>. Cheap: a scheduler may poll it often.</summary>
    public bool IsWindowDue => Options.Window.IsDue(WindowRows, WindowOpenedAt, Options.TimeProvider.GetUtcNow());

    /// <summary>Closes and tests the current window if <see cref="IsWindowDue"/>; otherwise returns null.</summary>
    /// <remarks>For a scheduler off the hot path: the hot path only counts, and never runs a test.</remarks>
    public DriftReport? CheckDriftIfDue()
    {
        lock (_checkLock)
        {
            return IsWindowDue ? CheckDrift() : null;
        }
    }

    /// <summary>Closes the current window, tests every feature against the profile and returns the report.</summary>
    /// <remarks>Runs off the hot path; concurrent <c>Observe</c> calls continue into the next window.</remarks>
    public DriftReport CheckDrift()
    {
        lock (_checkLock)
        {
            // Read the clock before draining: a clock that throws then fails the check without losing the window.
            DateTimeOffset now = Options.TimeProvider.GetUtcNow();
            DateTimeOffset openedAt = WindowOpenedAt;
            WindowShard[] closed = DrainShards(_openWindow + 1);
            _openWindow++;

            long rows = 0, rowsWithIssues = 0;
            foreach (WindowShard shard in closed)
            {
                rows += shard.Rows;
                rowsWithIssues += shard.RowsWithIssues;
            }

            rows += _pendingRows;
            rowsWithIssues += _pendingRowsWithIssues;
            Volatile.Write(ref _pendingRows, 0);
            _pendingRowsWithIssues = 0;
            Volatile.Write(ref _closedRows, _closedRows + rows);
            Volatile.Write(ref _windowOpenedTicks, now.UtcTicks);
            if (_labels is { } labels)
            {
                if (labels.LabelingFunctions is { } functions)
                {
                    MonitorGenDiagnostics.Contain(functions, static f => f.Run(), SelfErrorSources.LabelingFunction, Schema.ModelName, Schema.ModelVersion);
                }

                labels.CloseWindow(openedAt, now, rows);
                OfferForHandLabels(labels, _openWindow - 1, openedAt, now, rows);
            }

            if (_ringRows.Length > 1)
            {
                // Sliding: the report covers the last K sub-windows, as the features' merged views do.
                PushRing(rows, rowsWithIssues);
                rows = 0;
                rowsWithIssues = 0;
                for (int i = 0; i < _ringRows.Length; i++)
                {
                    rows += _ringRows[i];
                    rowsWithIssues += _ringRowsWithIssues[i];
                }
            }

            var results = new FeatureDriftResult[_features.Length];
            try
            {
                for (int i = 0; i < _features.Length; i++)
                {
                    results[i] = CloseAndEvaluate(_features[i], closed);
                }
            }
            finally
            {
                ShardPool.Recycle(closed);
            }

            for (int i = 0; i < results.Length; i++)
            {
                results[i].Kpi = _kpiOfFeature[i];
            }

            CorrectionApplier.Apply(results, Options.Correction);
            int tested = 0, drifted = 0;
            foreach (FeatureDriftResult result in results)
            {
                tested += result.Tested ? 1 : 0;
                drifted += result.Drifted ? 1 : 0;
            }

            double alarmLevel = DriftCalibration.AlarmLevel(Options.ExpectedRunLength, tested);
            int alarmed = 0;
            foreach (FeatureDriftResult result in results)
            {
                if (result.Tested && result.ThresholdMode == ThresholdMode.Calibrated)
                {
                    result.AlarmLevel = alarmLevel;
                    result.Alarmed = DriftDecision.IsCalibratedDrift(result.CalibratedPValue!.Value, alarmLevel, result.DecisionEffect, result.EffectFloor!.Value);
                }
                else
                {
                    result.Alarmed = result.Drifted;
                }

                alarmed += result.Alarmed ? 1 : 0;
            }

            bool calibrated = Options.Thresholds == ThresholdMode.Calibrated;

            var report = new DriftReport
            {
                Model = Schema.ModelName,
                ModelVersion = Schema.ModelVersion,
                CheckedAt = now,
                Rows = rows,
                RowsWithIssues = rowsWithIssues,
                Features = results,
                Correction = Options.Correction,
                TestedFeatures = tested,
                DriftedFeatures = drifted,
                DriftShareThreshold = Options.DriftShare,
                Thresholds = Options.Thresholds,
                Alpha = calibrated ? Options.Alpha : null,
                ExpectedRunLength = calibrated ? Options.ExpectedRunLength : null,
                AlarmLevel = calibrated ? alarmLevel : null,
                AlarmedFeatures = alarmed,
            };
            Publish(report);
            return report;
        }
    }

    /// <summary>
    /// Writes the open window and the sliding ring to <see cref="MonitorOptions.StatePath"/>, atomically, so that a
    /// monitor built with the same options after a restart goes on where this one stopped: its next check covers the
    /// rows of both. The window stays open. Rows that arrive after the save are not in the file.
    /// </summary>
    /// <exception cref="InvalidOperationException">No <see cref="MonitorOptions.StatePath"/> is set, or the calling thread
    /// is inside a row of this monitor.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void SaveState()
    {
        string path = Options.StatePath ?? throw new InvalidOperationException("MonitorOptions.StatePath is not set: there is nowhere to save the window state.");
        lock (_checkLock)
        {
            WindowShard[] drained = DrainShards(_openWindow);

            var state = new MonitorStateDocument
            {
                ModelName = Schema.ModelName,
                TypeName = Schema.TypeName,
                SchemaHash = Schema.SchemaHash,
                ProfileCreatedUtc = Profile.CreatedUtc,
                SavedUtc = Options.TimeProvider.GetUtcNow(),
                WindowOpenedUtc = WindowOpenedAt,
            };
            try
            {
                foreach (WindowShard shard in drained)
                {
                    Volatile.Write(ref _pendingRows, _pendingRows + shard.Rows);
                    _pendingRowsWithIssues += shard.RowsWithIssues;
                }

                foreach (FeatureState feature in _features)
                {
                    state.Features.Add(feature.CaptureState(drained));
                }
            }
            finally
            {
                ShardPool.Recycle(drained);
            }

            state.OpenRows = _pendingRows;
            state.OpenRowsWithIssues = _pendingRowsWithIssues;
            (state.RingRows, state.RingRowsWithIssues) = RingOldestFirst();
            MonitorStateStore.Save(state, path);
        }
    }

    // The feature of a KPI's member, or -1: a drift-tested numerical one gives the KPI histogram its buckets, and any one
    // is the KPI's drift in the report.
    private static int IndexOfFeature(MonitorSchema schema, string member)
    {
        for (int i = 0; i < schema.Features.Count; i++)
        {
            if (schema.Features[i].Name == member)
            {
                return i;
            }
        }

        return -1;
    }

    private static void CheckCalibrationOptions(MonitorOptions options)
    {
        if (!Enum.IsDefined(options.Thresholds))
        {
            throw new ArgumentOutOfRangeException(nameof(MonitorOptions.Thresholds), options.Thresholds, "Not a defined threshold mode.");
        }

        CheckAlpha(options.Alpha, nameof(MonitorOptions.Alpha));
        foreach ((string feature, double alpha) in options.FeatureAlpha)
        {
            CheckAlpha(alpha, $"{nameof(MonitorOptions.FeatureAlpha)}[{feature}]");
        }

        foreach ((DriftMethod method, double floor) in options.EffectFloors)
        {
            if (!(floor >= 0 && double.IsFinite(floor)))
            {
                throw new ArgumentOutOfRangeException($"{nameof(MonitorOptions.EffectFloors)}[{method}]", floor, "An effect floor must be finite and at least 0.");
            }
        }

        if (!(options.ExpectedRunLength >= 1 && double.IsFinite(options.ExpectedRunLength)))
        {
            throw new ArgumentOutOfRangeException(nameof(MonitorOptions.ExpectedRunLength), options.ExpectedRunLength,
                "The expected run length is a finite number of checks, at least 1.");
        }
    }

    private static void CheckAlpha(double alpha, string name)
    {
        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(name, alpha, "α is a false-alarm rate strictly between 0 and 1.");
        }
    }

    /// <summary>Stops publishing this monitor's drift gauges, and copies its last predictions to the <see cref="MonitorOptions.LabelStore"/>.</summary>
    public void Dispose()
    {
        ObservableInstruments.Unregister(this);
        _labels?.Dispose();
        GC.SuppressFinalize(this);
    }

    // The state of feature `index`, for the tests' and benchmarks' monitors that feed features directly.
    internal NumericFeatureState NumericFeatureAt(int index) => (NumericFeatureState)_features[index];

    internal CategoricalFeatureState CategoricalFeatureAt(int index) => (CategoricalFeatureState)_features[index];

    internal KpiInstrument KpiAt(int index) => _kpis[index];

    /// <summary>Enters a row on the calling thread: the windows it returns take the row's features, and go back to <see cref="EndRow"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal WindowShard BeginRow() => _shards.Enter();

    /// <summary>The sink a binding's reader writes a row into, over the windows from <see cref="BeginRow"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ObserveSink RowSink(WindowShard window, bool storePrediction = true) => new(window, _numeric, _categorical, _kpis, storePrediction ? _labels : null);

    /// <summary>
    /// Whether a plain <c>Observe</c> stores its row's prediction. A generated id is known only to the caller of
    /// <c>ObservePrediction</c>, so the prediction of a plain <c>Observe</c> could never be labelled, and would only push
    /// out of the table a prediction that can: it is stored only for an id of the row's own, or for the hand-label
    /// queue, which names the predictions it asks for.
    /// </summary>
    private protected bool StoresUnnamedPredictions => _storesUnnamedPredictions;

    /// <summary>Counts the row entered with <see cref="BeginRow"/>, and tags the current activity if it is recorded.</summary>
    /// <remarks>Called exactly once per <see cref="BeginRow"/>, in a <c>finally</c>: a drift check waits for rows in flight.</remarks>
    internal void EndRow(WindowShard shard, DataQualityIssues issues)
    {
        shard.Rows++;
        if (issues != DataQualityIssues.None)
        {
            shard.RowsWithIssues++;
        }

        ShardPool.Exit(shard);
        Activity? activity = Activity.Current;
        if (activity is { IsAllDataRequested: true })
        {
            // An activity listener that fails after the row was counted is counted in turn.
            MonitorGenDiagnostics.Contain((activity, Schema, issues), static s => ActivityTags.Tag(s.activity, s.Schema, s.issues),
                SelfErrorSources.Observe, Schema.ModelName, Schema.ModelVersion);
        }
    }

    /// <summary>Counts a null row: every feature of it is missing.</summary>
    /// <returns>The row's issues, for <see cref="EndRow"/>.</returns>
    internal DataQualityIssues ObserveNullRow(WindowShard shard)
    {
        DataQualityIssues issues = DataQualityIssues.Missing;
        foreach (FeatureState feature in _features)
        {
            issues |= feature.ObserveMissing(shard);
        }

        return issues;
    }

    /// <summary>Counts a failure inside <c>Observe</c>; monitoring never throws into the host.</summary>
    internal void ReportObserveFailure(Exception exception)
    {
        CountSelfError(SelfErrorSources.Observe);
        Log((_logger, Schema.ModelName, exception), static s => MonitorLog.ObserveFailed(s._logger, s.ModelName, s.exception));
    }

    // Restores a saved state into a monitor that has observed nothing yet; a refused file is logged, counted, and set
    // aside (renamed *.rejected) so that it is not refused again at every start.
    private void RestoreState(string path)
    {
        MonitorStateDocument state;
        try
        {
            state = MonitorStateStore.Load(path, Schema, Profile, Options);
        }
        catch (MonitorStateException ex)
        {
            CountSelfError(SelfErrorSources.State);
            // A logger or a rename that fails is counted too: the monitor still starts, empty.
            MonitorGenDiagnostics.Contain((_logger, Schema.ModelName, ex, path), static s =>
            {
                MonitorLog.StateRefused(s._logger, s.ModelName, s.ex);
                File.Move(s.path, s.path + ".rejected", overwrite: true);
            }, SelfErrorSources.State, Schema.ModelName, Schema.ModelVersion);
            return;
        }

        for (int i = 0; i < _features.Length; i++)
        {
            _features[i].RestoreState(state.Features[i]);
        }

        _pendingRows = state.OpenRows;
        _restoredRows = state.OpenRows;
        _pendingRowsWithIssues = state.OpenRowsWithIssues;
        _windowOpenedTicks = state.WindowOpenedUtc.UtcTicks;
        for (int i = 0; i < state.RingRows.Length; i++)
        {
            PushRing(state.RingRows[i], state.RingRowsWithIssues[i]);
        }
    }

    private void PushRing(long rows, long rowsWithIssues)
    {
        _ringRows[_ringNext] = rows;
        _ringRowsWithIssues[_ringNext] = rowsWithIssues;
        _ringNext = (_ringNext + 1) % _ringRows.Length;
        _ringFilled = Math.Min(_ringFilled + 1, _ringRows.Length);
    }

    // Closes the window shards, counting a slot left for the next check; the slots' windows are of `window` from now on.
    private WindowShard[] DrainShards(long window)
    {
        WindowShard[] drained = _shards.Drain(Options.DrainTimeout, window, out int busy);
        if (busy > 0)
        {
            CountSelfError(SelfErrorSources.DriftCheckWait);
        }

        return drained;
    }

    private (long[] Rows, long[] RowsWithIssues) RingOldestFirst()
    {
        if (_ringRows.Length <= 1)
        {
            return (Array.Empty<long>(), Array.Empty<long>());
        }

        int filled = _ringFilled;
        var rows = new long[filled];
        var withIssues = new long[filled];
        for (int i = 0; i < filled; i++)
        {
            int slot = (_ringNext - filled + i + _ringRows.Length) % _ringRows.Length;
            rows[i] = _ringRows[slot];
            withIssues[i] = _ringRowsWithIssues[slot];
        }

        return (rows, withIssues);
    }

    private void CountSelfError(string source) => MonitorGenDiagnostics.CountSelfError(source, Schema.ModelName, Schema.ModelVersion);

    // A log event whose logger may fail: the failure is counted, and whatever logged it goes on.
    private void Log<TState>(TState state, Action<TState> write) =>
        MonitorGenDiagnostics.Contain(state, write, SelfErrorSources.Log, Schema.ModelName, Schema.ModelVersion);

    private WindowShard CreateWindows(ObservationShard owner, int shardNumber)
    {
        var numeric = new NumericWindow?[_features.Length];
        var categorical = new CategoricalWindow?[_features.Length];
        for (int i = 0; i < _features.Length; i++)
        {
            if (_features[i] is NumericFeatureState feature)
            {
                numeric[i] = feature.CreateWindow(shardNumber + 1);
            }
            else
            {
                categorical[i] = ((CategoricalFeatureState)_features[i]).CreateWindow();
            }
        }

        return new WindowShard(owner, numeric, categorical, owner.Index >= 0 ? _labels?.Table.RingOf(owner.Index) : null);
    }

    private FeatureDriftResult CloseAndEvaluate(FeatureState feature, WindowShard[] closed)
    {
        try
        {
            return feature.CloseAndEvaluate(closed, Options);
        }
#pragma warning disable CA1031 // Whatever a test throws, the feature's result says so and the other features are still tested.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            CountSelfError(SelfErrorSources.DriftCheck);
            Log((_logger, Schema.ModelName, feature.Name, ex), static s => MonitorLog.DriftCheckFailed(s._logger, s.ModelName, s.Name, s.ex));
            return DriftEvaluator.Failed(feature, ex);
        }
    }

    private void Publish(DriftReport report)
    {
        // The gauges read the report from here; the log events follow, and a logger that throws loses only its events.
        Volatile.Write(ref _lastReport, report);
        if (Options.ReportHistory > 0)
        {
            lock (_recentReports)
            {
                if (_recentReports.Count == Options.ReportHistory)
                {
                    _recentReports.Dequeue();
                }

                _recentReports.Enqueue(report);
            }
        }

        foreach (FeatureDriftResult result in report.Features)
        {
            if (result.Drifted)
            {
                Log((_logger, Schema.ModelName, result), static s =>
                    MonitorLog.DriftDetected(s._logger, s.ModelName, s.result.Feature, s.result.Method, s.result.Score ?? double.NaN, s.result.Threshold));
            }
        }
    }
}
