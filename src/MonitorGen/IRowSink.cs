using System.ComponentModel;

namespace MonitorGen;

/// <summary>
/// Generator support: what an <see cref="IMonitorBinding{TRow}"/> reader writes a row's values into. The runtime
/// implements it twice, for observing and for fitting; the methods only take values, and the runtime decides what each
/// value means (a sample, a bin count, a data-quality event).
/// </summary>
/// <remarks>Ordinals count within a kind, in schema order: numerical features, categorical features and KPIs each from 0.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IRowSink
{
    /// <summary>A value of numerical feature <paramref name="ordinal"/>.</summary>
    void Numeric(int ordinal, double value);

    /// <summary>A null value of numerical feature <paramref name="ordinal"/>.</summary>
    void NumericMissing(int ordinal);

    /// <summary>A compile-time category code (an enum's declaration position, or 0/1 for a bool) of categorical feature
    /// <paramref name="ordinal"/>; -1 or any code outside the declared categories is an undefined value.</summary>
    void CategoryCode(int ordinal, int code);

    /// <summary>A string category of categorical feature <paramref name="ordinal"/>; null is missing.</summary>
    void Category(int ordinal, string? value);

    /// <summary>A value of categorical feature <paramref name="ordinal"/> that is a number marked
    /// <see cref="DriftTestAttribute.Categorical"/>.</summary>
    void CategoryNumber(int ordinal, double value);

    /// <summary>A null value of categorical feature <paramref name="ordinal"/>.</summary>
    void CategoryMissing(int ordinal);

    /// <summary>A value of KPI <paramref name="ordinal"/>; a null KPI is not handed over.</summary>
    void Kpi(int ordinal, double value);

    /// <summary>The <see cref="PredictionAttribute"/> member of an enum or bool classifier: its class code (as
    /// <see cref="CategoryCode"/>; -1 for null or undefined) and the score, NaN when none is declared or it is null.</summary>
    void PredictedClass(int code, double score);

    /// <summary>The <see cref="PredictionAttribute"/> member of a string classifier (null when missing) and its score, or NaN.</summary>
    void PredictedCategory(string? value, double score);

    /// <summary>The <see cref="PredictionAttribute"/> member of a regressor: the predicted number, NaN when null.</summary>
    void PredictedValue(double value);

    /// <summary>The row's own id of its prediction (the member <see cref="PredictionAttribute.Id"/> names), handed over
    /// before the prediction; null or empty when the row has none, and its prediction cannot be labelled.</summary>
    void PredictionKey(string? id);
}
