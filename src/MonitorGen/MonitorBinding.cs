using System;
using System.Collections.Generic;
using System.ComponentModel;
using MonitorGen.Labels;
using MonitorGen.Profiles;

namespace MonitorGen;

/// <summary>Generator support: the runtime's side of an <see cref="IMonitorBinding"/> that is not a monitor.</summary>
/// <remarks>Not meant for user code: call the generated <c>{Type}.FitProfile(rows)</c>.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MonitorBinding
{
    /// <summary>Fits the reference profile of <typeparamref name="TBinding"/>'s schema from training rows.</summary>
    /// <param name="rows">The training rows.</param>
    /// <param name="bind">Wraps a row that is not null in its binding.</param>
    /// <param name="options">How to fit, or null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> or <paramref name="bind"/> is null.</exception>
    /// <exception cref="ArgumentException">A row is null.</exception>
    /// <exception cref="InvalidOperationException">There are no rows.</exception>
    public static ReferenceProfile Fit<TRow, TBinding>(IEnumerable<TRow> rows, Func<TRow, TBinding> bind, FitOptions? options = null)
        where TBinding : struct, IMonitorBinding
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(bind);
        var builder = new ProfileBuilder(TBinding.Schema, options);
        FitSink sink = builder.Sink;
        foreach (TRow row in rows)
        {
            if (row is null)
            {
                throw new ArgumentException("Training rows must not be null.", nameof(rows));
            }

            bind(row).Read(ref sink);
            builder.EndRow();
        }

        return builder.Build();
    }

    /// <summary>
    /// Fits the reference profile from training rows, and the reference performance from labelled held-out rows: the
    /// accuracy of a classifier, the mean absolute error of a regressor (<see cref="ReferenceProfile.ReferencePerformance"/>).
    /// </summary>
    /// <param name="rows">The training rows.</param>
    /// <param name="heldOut">Output rows the model did not learn from, each with its actual value.</param>
    /// <param name="bind">Wraps a row that is not null in its binding.</param>
    /// <param name="label">A label's class code (-1 for a string class, given by name instead) or number.</param>
    /// <param name="options">How to fit, or null for the defaults.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A row is null, or a held-out row's prediction or label cannot be compared (named by its index).</exception>
    /// <exception cref="InvalidOperationException">There are no rows or no held-out rows, or the type declares no <see cref="PredictionAttribute"/>.</exception>
    public static ReferenceProfile FitWithPerformance<TRow, TBinding, TLabel>(IEnumerable<TRow> rows, IEnumerable<(TRow Prediction, TLabel Label)> heldOut,
        Func<TRow, TBinding> bind, Func<TLabel, (int Code, string? Name, double Value)> label, FitOptions? options)
        where TBinding : struct, IMonitorBinding
    {
        ArgumentNullException.ThrowIfNull(heldOut);
        ArgumentNullException.ThrowIfNull(label);
        FeatureSchema prediction = TBinding.Schema.Prediction
            ?? throw new InvalidOperationException($"{TBinding.Schema.RecordName} declares no [Prediction] member: there is no performance to measure.");
        ReferenceProfile profile = Fit(rows, bind, options);
        bool regression = prediction.Kind == FeatureKind.Numerical;
        PredictionClasses? classes = regression ? null
            : prediction.DeclaredCategories.Count > 0 ? PredictionClasses.Declared(prediction.DeclaredCategories) : PredictionClasses.Open();
        long count = 0, correct = 0;
        double absoluteError = 0;
        foreach ((TRow row, TLabel actual) in heldOut)
        {
            if (row is null)
            {
                throw new ArgumentException($"Held-out row {count} is null.", nameof(heldOut));
            }

            var capture = new PredictionCapture(classes);
            bind(row).Read(ref capture);
            (int code, string? name, double value) = label(actual);
            if (regression)
            {
                if (!double.IsFinite(capture.Value) || !double.IsFinite(value))
                {
                    throw new ArgumentException($"Held-out row {count}: the prediction or its label is not a finite number.", nameof(heldOut));
                }

                absoluteError += Math.Abs(capture.Value - value);
            }
            else
            {
                int actualCode = code >= 0 ? code : classes!.CodeOfPredicted(name);
                if (!classes!.IsClass(capture.Code) || !classes.IsClass(actualCode))
                {
                    throw new ArgumentException($"Held-out row {count}: the prediction or its label is not a class of the prediction.", nameof(heldOut));
                }

                correct += capture.Code == actualCode ? 1 : 0;
            }

            count++;
        }

        if (count == 0)
        {
            throw new InvalidOperationException("There are no held-out rows to measure the reference performance on.");
        }

        profile.ReferencePerformance = regression ? absoluteError / count : (double)correct / count;
        profile.ReferencePerformanceLabels = count;
        return profile;
    }
}
