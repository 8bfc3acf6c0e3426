namespace MonitorGen.Analyzers.Internal.Onnx;

/// <summary>Why MonitorGen.OnnxRuntime cannot feed a member to a model input (<see cref="OnnxTypeRules.Feed"/>).</summary>
internal enum OnnxFeedProblem
{
    /// <summary>It can.</summary>
    None,

    /// <summary>The member is not a number, an enum or a bool (a string, a date, ...).</summary>
    MemberType,

    /// <summary>A bool member with a non-bool tensor, or the reverse.</summary>
    Bool,

    /// <summary>An enum member with a tensor other than int64 or int32.</summary>
    Enum,

    /// <summary>A <c>Nullable&lt;T&gt;</c> member with a tensor other than float or double.</summary>
    Nullable,
}
