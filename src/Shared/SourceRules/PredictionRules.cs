namespace MonitorGen.SourceRules;

/// <summary>
/// The types a prediction declaration takes (<c>[Prediction]</c>, its <c>Score</c> and <c>Id</c> members): the
/// rules MG0015 and MG0016 check, and that the label join will rely on.
/// </summary>
internal static class PredictionRules
{
    /// <summary>Whether a label of this kind can be compared with a prediction: a class (enum, string, bool) or a number.</summary>
    public static bool IsComparable(MemberValueKind kind) => kind != MemberValueKind.Unsupported;

    /// <summary>Whether a score member has a score's type: a number.</summary>
    public static bool IsScore(MemberValueKind kind) => kind == MemberValueKind.Number;

    /// <summary>Whether an id member has an id's type: a string.</summary>
    public static bool IsId(MemberValueKind kind) => kind == MemberValueKind.String;
}
