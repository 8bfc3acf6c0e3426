namespace MonitorGen.Onnx;

/// <summary>What the ONNX mapping makes of a record member's type, after unwrapping <c>Nullable&lt;T&gt;</c>.</summary>
internal enum OnnxValueKind
{
    /// <summary>Not mapped: a string, a date, a class, ...</summary>
    Unsupported,

    /// <summary>A number: <c>float</c>, <c>double</c>, <c>decimal</c> or an integer type; it converts as a C# cast.</summary>
    Number,

    /// <summary>A <c>bool</c>: only to and from a bool tensor.</summary>
    Boolean,

    /// <summary>An enum: a code, so only to and from an int64 or int32 tensor, through its underlying integer.</summary>
    Enum,
}
