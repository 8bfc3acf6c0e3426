using MonitorGen.DriftMethods;

namespace MonitorGen.SourceRules;

/// <summary>How a <c>DriftMethod</c> value fits a feature (<c>docs/diagnostics/MG0002.md</c>).</summary>
internal enum MethodFit
{
    /// <summary>The method can test the feature.</summary>
    Fits = 0,
    /// <summary>The value is not a member of <c>DriftMethod</c>.</summary>
    Undefined,
    /// <summary>A rank, moment or sample-distance test on a categorical (bool, enum, string or number marked <c>Categorical</c>) feature.</summary>
    NumericalOnly,
    /// <summary>
    /// A category-count test (<c>ChiSquare</c>, <c>GTest</c>) on a continuous (floating-point or decimal) feature that is not
    /// marked <c>Categorical</c>.
    /// </summary>
    NotForContinuous,
    /// <summary>A two-proportion test (<c>Z</c>, <c>FisherExact</c>) on a feature that is not binary.</summary>
    NeedsBinary,
}

/// <summary>Which <c>MonitorGen.DriftMethod</c> values apply to which feature kinds, from the shared <see cref="DriftMethodTable"/>.</summary>
internal static class DriftMethodRules
{
    public const int Auto = DriftMethodTable.Auto;

    /// <summary>The enum member's name, or null for a value outside the enum.</summary>
    public static string? NameOf(int method) => method == Auto ? "Auto" : DriftMethodTable.Of(method)?.Name;

    /// <summary>Whether <paramref name="method"/> is a member of <c>DriftMethod</c>.</summary>
    public static bool IsDefined(long method) => method == Auto || DriftMethodTable.Of(method) is not null;

    /// <summary>Whether the method is defined on numerical samples only (rank, moment and distance tests).</summary>
    public static bool IsNumericalOnly(int method) => InputsOf(method) == DriftMethodInputs.NumericalOnly;

    /// <summary>
    /// Whether the method counts categories (<c>ChiSquare</c>, <c>GTest</c>): on a continuous feature every value is its own
    /// category, so it needs a discrete (integer, bool, enum or string) one, or one marked <c>Categorical</c>.
    /// </summary>
    public static bool IsCategoryCountTest(int method) => InputsOf(method) == DriftMethodInputs.DiscreteCounts;

    /// <summary>Whether the method compares two proportions (<c>Z</c>, <c>FisherExact</c>), so it needs a binary feature.</summary>
    public static bool IsTwoProportionTest(int method) => InputsOf(method) == DriftMethodInputs.BinaryOnly;

    /// <summary>How <paramref name="method"/> fits a feature of an observable <paramref name="kind"/>.</summary>
    /// <param name="method">The method's value, which may be outside the enum.</param>
    /// <param name="kind">The feature's kind; <see cref="MemberValueKind.Unsupported"/> is for <c>MG0005</c>, not this rule.</param>
    /// <param name="continuous">Whether the feature is floating-point or decimal (<see cref="FeatureTypeClassifier.IsContinuous"/>).</param>
    /// <param name="binary">Whether the feature has exactly two values (<see cref="FeatureTypeClassifier.IsBinary"/>).</param>
    /// <param name="categoricalNumber">
    /// Whether a numeric feature is marked <c>Categorical</c> (<see cref="FeatureTypeClassifier.IsCategoricalNumber"/>):
    /// its distinct values are categories, so it takes the categorical methods, whatever its type.
    /// </param>
    public static MethodFit Check(long method, MemberValueKind kind, bool continuous, bool binary, bool categoricalNumber)
    {
        if (!IsDefined(method))
        {
            return MethodFit.Undefined;
        }

        int value = (int)method;
        if ((kind != MemberValueKind.Number || categoricalNumber) && IsNumericalOnly(value))
        {
            return MethodFit.NumericalOnly;
        }

        if (continuous && !categoricalNumber && IsCategoryCountTest(value))
        {
            return MethodFit.NotForContinuous;
        }

        if (!binary && IsTwoProportionTest(value))
        {
            return MethodFit.NeedsBinary;
        }

        return MethodFit.Fits;
    }

    private static DriftMethodInputs? InputsOf(int method) => DriftMethodTable.Of(method)?.Inputs;
}
