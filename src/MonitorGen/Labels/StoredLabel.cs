namespace MonitorGen.Labels;

/// <summary>A label joined in a <see cref="LabelStore"/>, as it is read back into a performance ledger: classes by name,
/// so that a string class keeps its meaning across processes whose class codes differ.</summary>
/// <param name="Source">Where the label came from.</param>
/// <param name="Window">The prediction's window, numbered across the instance's restarts.</param>
/// <param name="TimestampTicks">When the prediction was made (UTC ticks).</param>
/// <param name="Predicted">A classifier's predicted class; null for a regressor.</param>
/// <param name="Value">A regressor's predicted value; NaN for a classifier.</param>
/// <param name="Score">The declared score, or NaN.</param>
/// <param name="Actual">A classifier's label; null for a regressor.</param>
/// <param name="ActualValue">A regressor's label; NaN for a classifier.</param>
/// <param name="DelaySeconds">From the prediction to the label.</param>
/// <param name="Weight">The label's weight: 1/π for a requested hand label, else 1.</param>
/// <param name="Programmatic">The programmatic label that came before a natural one, if any.</param>
internal sealed record StoredLabel(
    LabelSource Source,
    long Window,
    long TimestampTicks,
    string? Predicted,
    double Value,
    double Score,
    string? Actual,
    double ActualValue,
    double DelaySeconds,
    double Weight,
    string? Programmatic);
