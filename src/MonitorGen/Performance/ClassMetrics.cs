namespace MonitorGen.Performance;

/// <summary>Precision, recall and F1 of one class, one-versus-rest, as scikit-learn's <c>precision_recall_fscore_support</c>.</summary>
/// <param name="Class">The class's code.</param>
/// <param name="Precision">True positives over predicted positives; 0 when the class was never predicted.</param>
/// <param name="Recall">True positives over actual positives; 0 when the class never occurred.</param>
/// <param name="F1">The harmonic mean of the two, <c>2·tp / (2·tp + fp + fn)</c>; 0 when both are 0.</param>
/// <param name="Support">How many rows are actually of the class.</param>
public sealed record ClassMetrics(int Class, double Precision, double Recall, double F1, long Support)
{
    /// <summary>The class's name (an enum member, <c>True</c>/<c>False</c>, or the predicted string).</summary>
    public string Name { get; init; } = "";
}
