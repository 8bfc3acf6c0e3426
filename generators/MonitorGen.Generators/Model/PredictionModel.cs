using MonitorGen.SourceRules;

namespace MonitorGen.Generators.Model;

/// <summary>The <c>[Prediction]</c> member of a monitored type: what labels are compared with.</summary>
/// <param name="MemberName">The property name.</param>
/// <param name="Kind">An enum, bool or string for a classifier, a number for a regressor.</param>
/// <param name="ValueType">The fully qualified type of a label (the member's type without <c>?</c>).</param>
/// <param name="IsNullableValueType">Whether the member is a <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="IsDecimal">Whether the value is a <see cref="decimal"/>.</param>
/// <param name="Categories">An enum's members (one per distinct value, in declaration order), or False/True for a bool.</param>
/// <param name="EnumIsDense">Whether the enum's distinct values are 0, 1, … in declaration order.</param>
/// <param name="ScoreMember">The member named by <c>Score</c> when it is a number, else null.</param>
/// <param name="ScoreIsNullable">Whether the score member is a <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="ScoreIsDecimal">Whether the score is a <see cref="decimal"/>.</param>
/// <param name="IdMember">The string member named by <c>Id</c>, whose value is the prediction's id; null for a generated id.</param>
internal sealed record PredictionModel(
    string MemberName,
    MemberValueKind Kind,
    string ValueType,
    bool IsNullableValueType,
    bool IsDecimal,
    EquatableArray<string> Categories,
    bool EnumIsDense,
    string? ScoreMember,
    bool ScoreIsNullable,
    bool ScoreIsDecimal,
    string? IdMember);
