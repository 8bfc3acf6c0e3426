namespace MonitorGen.Generators.Shared;

/// <summary>What is wrong with an explicitly set <c>DriftTestAttribute.Threshold</c>.</summary>
internal enum ThresholdProblem
{
    /// <summary>The threshold is valid.</summary>
    None = 0,
    /// <summary>NaN or an infinity.</summary>
    NotFinite,
    /// <summary>Below zero.</summary>
    Negative,
    /// <summary>The method yields a p-value, and the threshold is not in the open interval (0, 1).</summary>
    NotAProbability,
}

/// <summary>
/// The rules for attribute arguments (<c>docs/diagnostics/MG0004.md</c>); the generator and the analyzers must agree on them.
/// </summary>
internal static class AttributeArgumentRules
{
    /// <summary>
    /// Whether the method's result is a p-value (drift when small), as opposed to a distance (drift when large).
    /// <see cref="DriftMethodRules.Auto"/> is neither: its method is chosen per feature.
    /// </summary>
    public static bool IsPValueMethod(int method) => method is 1 or 2 or 3 or 9 or 10 or 11 or 12 or 13 or 14 or 15 or 16 or 18;

    /// <summary>Checks an explicitly set threshold for a method (which may be outside the enum).</summary>
    public static ThresholdProblem CheckThreshold(int method, double threshold)
    {
        if (double.IsNaN(threshold) || double.IsInfinity(threshold))
        {
            return ThresholdProblem.NotFinite;
        }

        if (threshold < 0)
        {
            return ThresholdProblem.Negative;
        }

        if (IsPValueMethod(method) && !(threshold > 0 && threshold < 1))
        {
            return ThresholdProblem.NotAProbability;
        }

        return ThresholdProblem.None;
    }

    /// <summary>Whether a model name is usable: not null, empty or white space.</summary>
    public static bool IsValidModelName(string? modelName)
    {
        if (modelName is null)
        {
            return false;
        }

        foreach (char c in modelName)
        {
            if (!char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a KPI metric name matches <c>^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$</c>.</summary>
    public static bool IsValidKpiMetricName(string? name)
    {
        if (name is null || name.Length == 0 || name[0] < 'a' || name[0] > 'z')
        {
            return false;
        }

        bool segmentEmpty = false;
        for (int i = 1; i < name.Length; i++)
        {
            char c = name[i];
            if (c == '.')
            {
                if (segmentEmpty)
                {
                    return false;
                }

                segmentEmpty = true;
            }
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')
            {
                segmentEmpty = false;
            }
            else
            {
                return false;
            }
        }

        return !segmentEmpty;
    }

    /// <summary>Whether an <c>Expect</c> range is valid: neither bound is NaN and Min is not above Max.</summary>
    public static bool IsValidRange(double min, double max) => !double.IsNaN(min) && !double.IsNaN(max) && min <= max;
}
