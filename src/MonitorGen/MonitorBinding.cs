using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using MonitorGen.Labels;
using MonitorGen.Profiles;

namespace MonitorGen;

/// <summary>Generator support: the runtime's side of an <see cref="IMonitorBinding{TRow}"/> that is not a monitor.</summary>
/// <remarks>Not meant for user code: call the generated <c>{Type}.FitProfile(rows)</c>.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MonitorBinding
{
    // What reading a binding's one field needs kept when the app is trimmed.
    internal const DynamicallyAccessedMemberTypes Fields = DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields;

    /// <summary>Fits the reference profile of <typeparamref name="TBinding"/>'s schema from training rows.</summary>
    /// <param name="rows">The training rows.</param>
    /// <param name="options">How to fit, or null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    /// <exception cref="ArgumentException">A row is null.</exception>
    /// <exception cref="InvalidOperationException">There are no rows, or <typeparamref name="TBinding"/> is not a view of a row.</exception>
    public static ReferenceProfile Fit<TRow, [DynamicallyAccessedMembers(Fields)] TBinding>(IEnumerable<TRow> rows, FitOptions? options = null)
        where TBinding : struct, IMonitorBinding<TRow>
    {
        ArgumentNullException.ThrowIfNull(rows);
        RequireRowLayout<TRow, TBinding>();
        var builder = new ProfileBuilder(TBinding.Schema, options);
        FitSink sink = builder.Sink;
        foreach (TRow row in rows)
        {
            if (row is null)
            {
                throw new ArgumentException("Training rows must not be null.", nameof(rows));
            }

            View<TRow, TBinding>(row).Read(ref sink);
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
    /// <param name="label">A label's class code (-1 for a string class, given by name instead) or number.</param>
    /// <param name="options">How to fit, or null for the defaults.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A row is null, or a held-out row's prediction or label cannot be compared (named by its index).</exception>
    /// <exception cref="InvalidOperationException">There are no rows or no held-out rows, or the type declares no <see cref="PredictionAttribute"/>.</exception>
    public static ReferenceProfile FitWithPerformance<TRow, [DynamicallyAccessedMembers(Fields)] TBinding, TLabel>(IEnumerable<TRow> rows, IEnumerable<(TRow Prediction, TLabel Label)> heldOut,
        Func<TLabel, (int Code, string? Name, double Value)> label, FitOptions? options)
        where TBinding : struct, IMonitorBinding<TRow>
    {
        ArgumentNullException.ThrowIfNull(heldOut);
        ArgumentNullException.ThrowIfNull(label);
        FeatureSchema prediction = TBinding.Schema.Prediction
            ?? throw new InvalidOperationException($"{TBinding.Schema.RecordName} declares no [Prediction] member: there is no performance to measure.");
        ReferenceProfile profile = Fit<TRow, TBinding>(rows, options);
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
            View<TRow, TBinding>(row).Read(ref capture);
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

    /// <summary>The binding a row is, read in place: a binding's one field is its row (<see cref="IMonitorBinding{TRow}"/>).</summary>
    /// <remarks>
    /// Written with <see cref="Unsafe.As{TFrom, TTo}(ref TFrom)"/> because the hot path demands it: the alternatives measured
    /// worse. A static reader that takes the row is called through an interface that names the row type, which the JIT
    /// resolves at run time in the code shared over reference-type rows (1.16–1.18× the hand-written monitor, in the
    /// interleaved check); a binding built per row needs a constructor per type in generated code, which is compile time
    /// (docs/benchmarks/compile-cost.md). <see cref="RequireRowLayout{TRow, TBinding}"/> guards the layout.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ref readonly TBinding View<TRow, TBinding>(in TRow row)
        where TBinding : struct, IMonitorBinding<TRow> =>
        ref Unsafe.As<TRow, TBinding>(ref Unsafe.AsRef(in row));

    /// <summary>Refuses a binding that is not a view of its row: one that has any instance field but one of the row's type.</summary>
    /// <exception cref="InvalidOperationException">The binding holds other fields.</exception>
    internal static void RequireRowLayout<TRow, [DynamicallyAccessedMembers(Fields)] TBinding>()
        where TBinding : struct, IMonitorBinding<TRow>
    {
        FieldInfo[] fields = typeof(TBinding).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        if (fields.Length != 1 || fields[0].FieldType != typeof(TRow))
        {
            throw new InvalidOperationException(
                $"The binding {typeof(TBinding)} must hold one instance field, of type {typeof(TRow)}, and it holds {fields.Length}"
                + $"{(fields.Length == 0 ? "" : $" ({string.Join(", ", Array.ConvertAll(fields, field => $"{field.FieldType} {field.Name}"))})")}: "
                + "the runtime reads each row as its binding. Regenerate the code with this version's generator.");
        }
    }
}
