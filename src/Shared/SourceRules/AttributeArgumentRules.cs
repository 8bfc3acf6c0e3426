using MonitorGen.DriftMethods;

namespace MonitorGen.SourceRules;

/// <summary>What is wrong with an explicitly set <c>DriftTestAttribute.Threshold</c>.</summary>
internal enum ThresholdProblem
{
    /// <summary>The threshold is valid.</summary>
    None = 0,
    /// <summary>NaN or an infinity.</summary>
    NotFinite,
    /// <summary>Zero or below: a distance (or <c>Auto</c>) threshold must be greater than zero.</summary>
    NotPositive,
    /// <summary>The method yields a p-value, and the threshold is not in the open interval (0, 1).</summary>
    NotAProbability,
}

/// <summary>
/// The ranges of attribute arguments (<c>docs/diagnostics/MG0007.md</c>); the generator and the analyzers must agree on them.
/// </summary>
internal static class AttributeArgumentRules
{
    /// <summary>
    /// The category cap the MG0008 code fix suggests: the default of <c>FitOptions.MaxCategories</c>, so that the fix
    /// pins today's behaviour rather than changing it.
    /// </summary>
    public const int SuggestedMaxCategories = 100;

    /// <summary>
    /// Whether the method's result is a p-value (drift when small), as opposed to a distance (drift when large).
    /// <see cref="DriftMethodRules.Auto"/> is neither: its method is chosen per feature.
    /// </summary>
    public static bool IsPValueMethod(int method) => DriftMethodTable.Of(method) is { IsPValue: true };

    /// <summary>Checks an explicitly set threshold for a method (which may be outside the enum).</summary>
    public static ThresholdProblem CheckThreshold(int method, double threshold)
    {
        if (double.IsNaN(threshold) || double.IsInfinity(threshold))
        {
            return ThresholdProblem.NotFinite;
        }

        if (IsPValueMethod(method))
        {
            return threshold > 0 && threshold < 1 ? ThresholdProblem.None : ThresholdProblem.NotAProbability;
        }

        return threshold > 0 ? ThresholdProblem.None : ThresholdProblem.NotPositive;
    }

    /// <summary>Whether an explicitly set <c>DriftTestAttribute.MaxCategories</c> is in range (at least 1).</summary>
    public static bool IsValidMaxCategories(int maxCategories) => maxCategories >= 1;

    /// <summary>Whether an <c>Expect</c> range is valid: neither bound is NaN and Min is not above Max.</summary>
    public static bool IsValidRange(double min, double max) => !double.IsNaN(min) && !double.IsNaN(max) && min <= max;
}
