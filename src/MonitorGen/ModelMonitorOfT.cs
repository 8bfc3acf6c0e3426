using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using MonitorGen.Labels;
using MonitorGen.Monitoring;

namespace MonitorGen;

/// <summary>
/// The base of every generated <c>{Type}Monitor</c>: the generated code supplies only its <see cref="IMonitorBinding{TRow}"/>;
/// observing and fitting rows are the runtime's.
/// </summary>
/// <typeparam name="TRow">The monitored type.</typeparam>
/// <typeparam name="TBinding">The generated binding of <typeparamref name="TRow"/>.</typeparam>
/// <remarks>Generator support, hidden from IntelliSense: code uses the generated monitor, <see cref="ModelMonitor"/> or
/// <see cref="IModelMonitor{T}"/>. The members that code calls on the generated monitor (<see cref="Observe"/>,
/// <see cref="Fit"/>, <see cref="DeclaredSchema"/>) are documented here.</remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public abstract class ModelMonitor<TRow, [DynamicallyAccessedMembers(MonitorBinding.Fields)] TBinding> : ModelMonitor, IModelMonitor<TRow>
    where TBinding : struct, IMonitorBinding<TRow>
{
    // The classifier's labeling functions, from the first AddLabelingFunction on.
    private LabelingFunctionRunner<TRow>? _labelingFunctions;

    /// <summary>Builds the feature state of <typeparamref name="TBinding"/>'s schema from <paramref name="profile"/>.</summary>
    /// <exception cref="ProfileException">The profile was fitted on another schema of the type.</exception>
    /// <exception cref="InvalidOperationException"><typeparamref name="TBinding"/> is not a view of a row (<see cref="IMonitorBinding{TRow}"/>).</exception>
#pragma warning disable RS0022 // ModelMonitor has no protected members to expose: this is the one way to derive from it.
    protected ModelMonitor(ReferenceProfile profile, MonitorOptions? options, ILogger? logger)
        : base(LaidOutSchema(), profile, options, logger)
    {
    }
#pragma warning restore RS0022

    /// <summary>The monitored features and KPIs, as declared.</summary>
    public static MonitorSchema DeclaredSchema => TBinding.Schema;

    /// <summary>Fits the reference profile from training rows.</summary>
    /// <param name="rows">The training rows.</param>
    /// <param name="options">How to fit, or null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    /// <exception cref="ArgumentException">A row is null.</exception>
    /// <exception cref="InvalidOperationException">There are no rows.</exception>
#pragma warning disable CA1000 // Called as {Type}Monitor.Fit(rows), through the generated class, which is not generic.
    public static ReferenceProfile Fit(IEnumerable<TRow> rows, FitOptions? options = null) => MonitorBinding.Fit<TRow, TBinding>(rows, options);
#pragma warning restore CA1000

    /// <summary>Observes one row: data quality, drift sketches, instruments, logs and trace tags. Allocation-free; never throws.</summary>
    /// <param name="row">The row; a null row counts every feature as missing.</param>
    public void Observe(in TRow row) => ObserveRow(row);

    // Checked before the base constructor, which starts the windows and instruments a refused monitor would leave behind.
    private static MonitorSchema LaidOutSchema()
    {
        MonitorBinding.RequireRowLayout<TRow, TBinding>();
        return TBinding.Schema;
    }

    /// <summary>Generator support: observes one row, as <see cref="Observe"/> does. Allocation-free; never throws.</summary>
    /// <remarks>
    /// The whole row's lifecycle: takes a window slot, has the binding read the row into it (a null row counts every
    /// feature as missing), stores its prediction for its labels, counts a failure instead of throwing it, and ends the
    /// row, counting it and its data-quality issues, whatever happened.
    /// </remarks>
    /// <returns>The value of the stored prediction's id, or -1 when none was stored.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected long ObserveRow(in TRow row) => ObserveRow(row, StoresUnnamedPredictions);

    private long ObserveRow(in TRow row, bool storePrediction)
    {
        WindowShard window = BeginRow();
        ObserveSink sink = RowSink(window, storePrediction);
        try
        {
            // A value-type row is never null; testing that first keeps unoptimized (Debug) code from boxing it.
            if (!typeof(TRow).IsValueType && row is null)
            {
                sink.Issues = ObserveNullRow(window);
            }
            else
            {
                MonitorBinding.View<TRow, TBinding>(row).Read(ref sink);
                if (sink.PredictionId >= 0 && _labelingFunctions is { IsActive: true } functions)
                {
                    functions.Enqueue(window.Slot, row, sink.PredictionId);
                }
            }
        }
#pragma warning disable CA1031 // Monitoring never throws into the host: a failure is counted and logged, and the row still ends.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            ReportObserveFailure(exception);
        }
        finally
        {
            EndRow(window, sink.Issues);
        }

        return sink.PredictionId;
    }

    /// <summary>Generator support: observes one row and returns its prediction's id, which its labels refer to; null when
    /// the prediction cannot be labelled (it is null, or labels are off). Allocates the id's 16 characters.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected string? ObservePredictionRow(in TRow row)
    {
        long id = ObserveRow(row, storePrediction: true);
        return id < 0 ? null : PredictionId.FromValue(id).ToString();
    }

    /// <summary>
    /// Generator support: the typed <c>AddLabelingFunction</c> of a classifier, whose function gives a row's class code
    /// or -1 to abstain. It runs off the hot path on every row whose prediction is stored.
    /// </summary>
    /// <exception cref="InvalidOperationException">Labels are off, the prediction is a number, or a row was observed already.</exception>
    /// <exception cref="ArgumentException">The name is empty or taken.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected void AddLabelingFunctionRow(string name, Func<TRow, int> vote)
    {
        LabelJoin labels = RequireLabels();
        if (labels.IsRegression)
        {
            throw new InvalidOperationException("Labeling functions vote for a class: a regressor's prediction has none.");
        }

        if (ObservedRows > 0)
        {
            throw new InvalidOperationException("Add the labeling functions before the first row is observed: their figures count every row from the first.");
        }

        if (_labelingFunctions is null)
        {
            _labelingFunctions = new LabelingFunctionRunner<TRow>(labels, labels.Table.Slots, Options.LabelCapacity, Schema.ModelName);
            labels.LabelingFunctions = _labelingFunctions;
        }

        _labelingFunctions.Add(name, vote);
    }

    /// <summary>Generator support: the class code of a string label, for a string classifier's labeling function.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected int CategoryLabelCode(string? label) => label is null ? -1 : RequireLabels().CodeOfLabel(label);

    /// <summary>Generator support: the typed <c>RecordLabel</c> of an enum or bool prediction, with the label's class code.</summary>
    /// <exception cref="InvalidOperationException">Labels are off for this monitor.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected LabelOutcome RecordClassLabel(string? predictionId, int code, LabelSource source) =>
        RequireLabels().Record(predictionId, source, code, code, out _);

    /// <summary>Generator support: the typed <c>RecordLabel</c> of a string prediction.</summary>
    /// <exception cref="InvalidOperationException">Labels are off for this monitor.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected LabelOutcome RecordCategoryLabel(string? predictionId, string? label, LabelSource source)
    {
        LabelJoin labels = RequireLabels();
        int code = labels.CodeOfLabel(label);
        return labels.Record(predictionId, source, code, code, out _);
    }

    /// <summary>Generator support: the typed <c>RecordLabel</c> of a numeric prediction.</summary>
    /// <exception cref="InvalidOperationException">Labels are off for this monitor.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected LabelOutcome RecordValueLabel(string? predictionId, double label, LabelSource source) =>
        RequireLabels().Record(predictionId, source, 0, label, out _);
}
