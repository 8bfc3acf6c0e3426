using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MonitorGen.Sketches;
using MonitorGen.Statistics;
using MonitorGen.Telemetry;
using MonitorGen.Windows;

namespace MonitorGen;

/// <summary>
/// Everything a monitor does that is not specific to one monitored type: feature state built from the profile,
/// window bookkeeping, the drift check and the telemetry around it. The generator derives one sealed class per
/// <see cref="MonitorAttribute"/> type and adds the typed, allocation-free <c>Observe</c>.
/// </summary>
public abstract class ModelMonitor : IDisposable
{
    private readonly FeatureMonitor[] _features;
    private readonly KpiInstrument[] _kpis;
    private readonly MonitorInstruments _instruments;
    private readonly ILogger _logger;
    private readonly Lock _checkLock = new();
    private long _windowRows;
    private long _windowRowsWithIssues;
    private long _observedRows;
    private DriftReport? _lastReport;
    private long _windowOpenedTicks;
    private readonly long[] _ringRows;
    private readonly long[] _ringRowsWithIssues;
    private int _ringNext;

    /// <summary>Builds the feature state from <paramref name="profile"/>.</summary>
    /// <exception cref="ProfileException">The profile was fitted on another schema of the type.</exception>
    protected ModelMonitor(MonitorSchema schema, ReferenceProfile profile, MonitorOptions? options, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(profile);
        Schema = schema;
        Profile = profile;
        Options = options ?? MonitorOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.SampleSize, 1, nameof(MonitorOptions.SampleSize));
        _logger = logger ?? NullLogger.Instance;
        _instruments = new MonitorInstruments(schema);
        FeatureProfile[] matched = ProfileMatcher.Match(schema, profile);
        _features = new FeatureMonitor[schema.Features.Count];
        for (int i = 0; i < _features.Length; i++)
        {
            FeatureSchema feature = schema.Features[i];
            _features[i] = feature.Kind == FeatureKind.Numerical
                ? new NumericFeature(feature, matched[i], Options, _instruments, _logger, schema.ModelName, Options.Seed + ((ulong)i * 0x9E3779B97F4A7C15))
                : new CategoricalFeature(feature, matched[i], Options, _instruments, _logger, schema.ModelName);
        }

        _kpis = new KpiInstrument[schema.Kpis.Count];
        for (int i = 0; i < _kpis.Length; i++)
        {
            _kpis[i] = new KpiInstrument(schema.Kpis[i], _instruments);
        }

        _ringRows = new long[Options.Window.SubWindows];
        _ringRowsWithIssues = new long[Options.Window.SubWindows];
        _windowOpenedTicks = Options.TimeProvider.GetUtcNow().UtcTicks;
        DriftGauges.Register(this);
    }

    /// <summary>The monitored type as declared.</summary>
    public MonitorSchema Schema { get; }

    /// <summary>The reference profile.</summary>
    public ReferenceProfile Profile { get; }

    /// <summary>The options.</summary>
    public MonitorOptions Options { get; }

    /// <summary>The feature state, in declaration order.</summary>
    public IReadOnlyList<FeatureMonitor> Features => _features;

    /// <summary>Rows observed since the monitor was created.</summary>
    public long ObservedRows => Volatile.Read(ref _observedRows);

    /// <summary>Rows observed in the current window.</summary>
    public long WindowRows => Volatile.Read(ref _windowRows);

    /// <summary>The latest drift check, or null before the first.</summary>
    public DriftReport? LastReport => Volatile.Read(ref _lastReport);

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
            long rows = Interlocked.Exchange(ref _windowRows, 0);
            long rowsWithIssues = Interlocked.Exchange(ref _windowRowsWithIssues, 0);
            Volatile.Write(ref _windowOpenedTicks, Options.TimeProvider.GetUtcNow().UtcTicks);
            if (_ringRows.Length > 1)
            {
                // Sliding: the report covers the last K sub-windows, as the features' merged views do.
                _ringRows[_ringNext] = rows;
                _ringRowsWithIssues[_ringNext] = rowsWithIssues;
                _ringNext = (_ringNext + 1) % _ringRows.Length;
                rows = 0;
                rowsWithIssues = 0;
                for (int i = 0; i < _ringRows.Length; i++)
                {
                    rows += _ringRows[i];
                    rowsWithIssues += _ringRowsWithIssues[i];
                }
            }

            var results = new FeatureDriftResult[_features.Length];
            for (int i = 0; i < _features.Length; i++)
            {
                results[i] = EvaluateAndRecycle(_features[i]);
            }

            CorrectionApplier.Apply(results, Options.Correction);
            int tested = 0, drifted = 0;
            foreach (FeatureDriftResult result in results)
            {
                tested += result.Tested ? 1 : 0;
                drifted += result.Drifted ? 1 : 0;
            }

            var report = new DriftReport
            {
                Model = Schema.ModelName,
                ModelVersion = Schema.ModelVersion,
                CheckedAt = Options.TimeProvider.GetUtcNow(),
                Rows = rows,
                RowsWithIssues = rowsWithIssues,
                Features = results,
                Correction = Options.Correction,
                TestedFeatures = tested,
                DriftedFeatures = drifted,
                DriftShareThreshold = Options.DriftShare,
            };
            Publish(report);
            return report;
        }
    }

    /// <summary>Stops publishing this monitor's drift gauges.</summary>
    public void Dispose()
    {
        DriftGauges.Unregister(this);
        GC.SuppressFinalize(this);
    }

    /// <summary>The state of numerical feature <paramref name="index"/>.</summary>
    protected NumericFeature NumericFeatureAt(int index) => (NumericFeature)_features[index];

    /// <summary>The state of categorical feature <paramref name="index"/>.</summary>
    protected CategoricalFeature CategoricalFeatureAt(int index) => (CategoricalFeature)_features[index];

    /// <summary>The instrument of KPI <paramref name="index"/>.</summary>
    protected KpiInstrument KpiAt(int index) => _kpis[index];

    /// <summary>Counts an observed row and tags the current activity, if it is recorded.</summary>
    protected void CompleteRow(DataQualityIssues issues)
    {
        Interlocked.Increment(ref _observedRows);
        Interlocked.Increment(ref _windowRows);
        if (issues != DataQualityIssues.None)
        {
            Interlocked.Increment(ref _windowRowsWithIssues);
        }

        _instruments.Predictions.Add(1, _instruments.ModelTags);
        Activity? activity = Activity.Current;
        if (activity is { IsAllDataRequested: true })
        {
            ActivityTags.Tag(activity, Schema, issues);
        }
    }

    /// <summary>Counts a null row: every feature of it is missing.</summary>
    protected void ObserveNullRow()
    {
        DataQualityIssues issues = DataQualityIssues.None;
        foreach (FeatureMonitor feature in _features)
        {
            issues |= feature is NumericFeature numeric ? numeric.ObserveMissing() : ((CategoricalFeature)feature).ObserveMissing();
        }

        CompleteRow(issues | DataQualityIssues.Missing);
    }

    /// <summary>Counts a failure inside <c>Observe</c>; monitoring never throws into the host.</summary>
    protected void ReportObserveFailure(Exception exception)
    {
        _instruments.SelfErrors.Add(1, _instruments.ModelTags);
        MonitorLog.ObserveFailed(_logger, Schema.ModelName, exception);
    }

    private FeatureDriftResult EvaluateAndRecycle(FeatureMonitor feature)
    {
        try
        {
            if (feature is NumericFeature numeric)
            {
                NumericWindow window = numeric.CloseWindow();
                try
                {
                    return DriftEvaluator.Evaluate(numeric, window, Options);
                }
                finally
                {
                    numeric.Recycle(window);
                }
            }

            var categorical = (CategoricalFeature)feature;
            CategoricalWindow closed = categorical.CloseWindow();
            try
            {
                return DriftEvaluator.Evaluate(categorical, closed, Options);
            }
            finally
            {
                categorical.Recycle(closed);
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or ArithmeticException)
        {
            _instruments.SelfErrors.Add(1, _instruments.ModelTags);
            MonitorLog.DriftCheckFailed(_logger, Schema.ModelName, feature.Name, ex);
            return DriftEvaluator.Failed(feature, ex);
        }
    }

    private void Publish(DriftReport report)
    {
        Volatile.Write(ref _lastReport, report);
        foreach (FeatureDriftResult result in report.Features)
        {
            if (result.Drifted)
            {
                DriftGauges.CountDetection(_instruments, result);
                MonitorLog.DriftDetected(_logger, Schema.ModelName, result.Feature, result.Method, result.Score ?? double.NaN, result.Threshold);
            }
        }
    }
}
