using MonitorGen.SourceRules;

namespace MonitorGen.Generators.Model;

/// <summary>One drift-tested or range-checked member of a monitored type.</summary>
/// <param name="MemberName">The property name.</param>
/// <param name="Kind">How the value is observed.</param>
/// <param name="IsNullableValueType">Whether the member is a <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="IsDecimal">Whether the value is a <see cref="decimal"/>, the one numeric type without an implicit conversion to double.</param>
/// <param name="DriftTested">Whether the member has <c>[DriftTest]</c>; without it only the <c>[Expect]</c> range is checked.</param>
/// <param name="Method">The <c>DriftMethod</c> value.</param>
/// <param name="Threshold">The declared threshold, or NaN for the method's default.</param>
/// <param name="ExpectMin">The inclusive lower bound, or -∞.</param>
/// <param name="ExpectMax">The inclusive upper bound, or +∞.</param>
/// <param name="EnumType">The fully qualified enum type, for enum members.</param>
/// <param name="Categories">The enum members (one per distinct value, in declaration order), or False/True for bools.</param>
/// <param name="EnumIsDense">Whether the enum's distinct values are 0, 1, … in declaration order, so that the value is its own code.</param>
/// <param name="MaxCategories">The declared category cap of a categorical feature, or 0 for the fit options' cap.</param>
/// <param name="IsCategoricalNumber">Whether a numeric member is marked <c>Categorical</c>: counted per distinct value.</param>
internal sealed record FeatureModel(
    string MemberName,
    MemberValueKind Kind,
    bool IsNullableValueType,
    bool IsDecimal,
    bool DriftTested,
    int Method,
    double Threshold,
    double ExpectMin,
    double ExpectMax,
    string? EnumType,
    EquatableArray<string> Categories,
    bool EnumIsDense,
    int MaxCategories,
    bool IsCategoricalNumber)
{
    public bool IsNumerical => FeatureTypeClassifier.IsNumerical(Kind, IsCategoricalNumber);
}
