namespace MonitorGen.Onnx;

/// <summary>
/// Which record members convert to and from which tensors. One source file compiled into MonitorGen.OnnxRuntime (which
/// checks a record against a model when a session starts), the generator (which emits a write or a read only for a
/// member some tensor can take) and the analyzers (MG0010 checks a model file at build time), so the three agree.
/// </summary>
internal static class OnnxConversionRules
{
    /// <summary>
    /// What stops a member from feeding a tensor of <paramref name="elementType"/>: numbers (decimal included) go into
    /// any numeric tensor as a C# cast; an enum into int64 or int32 only; bool into bool only; a
    /// <c>Nullable&lt;T&gt;</c> of those into float or double only (null becomes NaN). An undefined element type is not checked.
    /// </summary>
    public static OnnxConversionProblem Feed(OnnxValueKind kind, bool nullable, int elementType)
    {
        if (kind == OnnxValueKind.Unsupported)
        {
            return OnnxConversionProblem.MemberType;
        }

        if (elementType == OnnxElementTypes.Undefined)
        {
            return OnnxConversionProblem.None;
        }

        if (nullable && elementType is not (OnnxElementTypes.Float or OnnxElementTypes.Double))
        {
            return OnnxConversionProblem.Nullable;
        }

        return Common(kind, elementType);
    }

    /// <summary>
    /// What stops a tensor of <paramref name="elementType"/> from filling a member: the rules of <see cref="Feed"/> the
    /// other way, and a <c>Nullable&lt;T&gt;</c> member takes whatever its <c>T</c> takes.
    /// </summary>
    public static OnnxConversionProblem Fill(int elementType, OnnxValueKind kind) =>
        kind == OnnxValueKind.Unsupported ? OnnxConversionProblem.MemberType : Common(kind, elementType);

    /// <summary>Whether some mapped tensor takes the member as an input: otherwise there is nothing to write for it.</summary>
    public static bool CanFeed(OnnxValueKind kind, bool nullable)
    {
        foreach (int elementType in OnnxElementTypes.Mapped)
        {
            if (Feed(kind, nullable, elementType) == OnnxConversionProblem.None)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether some mapped tensor fills the member as an output: otherwise there is nothing to read for it.</summary>
    public static bool CanFill(OnnxValueKind kind)
    {
        foreach (int elementType in OnnxElementTypes.Mapped)
        {
            if (Fill(elementType, kind) == OnnxConversionProblem.None)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a dimension lets one member fill the tensor: 1, or symbolic or unknown (negative, bound to 1). So
    /// <c>[N,1]</c>, <c>[1]</c>, <c>[N]</c> and <c>[]</c> take one row, and <c>[1,4]</c> does not.
    /// </summary>
    public static bool IsOneRow(long dimension) => dimension == 1 || dimension < 0;

    private static OnnxConversionProblem Common(OnnxValueKind kind, int elementType)
    {
        if (kind == OnnxValueKind.Boolean || elementType == OnnxElementTypes.Bool)
        {
            return kind == OnnxValueKind.Boolean && elementType == OnnxElementTypes.Bool ? OnnxConversionProblem.None : OnnxConversionProblem.Bool;
        }

        return kind == OnnxValueKind.Enum && elementType is not (OnnxElementTypes.Int64 or OnnxElementTypes.Int32)
            ? OnnxConversionProblem.Enum
            : OnnxConversionProblem.None;
    }
}
