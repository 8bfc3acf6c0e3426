namespace MonitorGen.Onnx;

/// <summary>Why a record member and a tensor element type do not convert (<see cref="OnnxConversionRules"/>).</summary>
internal enum OnnxConversionProblem
{
    /// <summary>They do.</summary>
    None,

    /// <summary>The member is not a number, an enum or a bool (a string, a date, ...).</summary>
    MemberType,

    /// <summary>A bool member with a non-bool tensor, or the reverse.</summary>
    Bool,

    /// <summary>An enum member with a tensor other than int64 or int32.</summary>
    Enum,

    /// <summary>A <c>Nullable&lt;T&gt;</c> input member with a tensor other than float or double.</summary>
    Nullable,
}
