namespace MonitorGen.Generators.Model;

/// <summary>A type that gets an ONNX mapping: a <c>[Monitor]</c> type of a project that references MonitorGen.OnnxRuntime, or an <c>[OnnxRecord]</c> type.</summary>
/// <param name="Namespace">The namespace, or null for the global namespace.</param>
/// <param name="Name">The type name.</param>
/// <param name="Keyword">The declaration keyword(s) of the type.</param>
/// <param name="FullyQualifiedName">The <c>global::</c>-qualified type name.</param>
/// <param name="MetadataName">The dotted full name, for the hint name.</param>
/// <param name="IsReferenceType">Whether it is a class.</param>
/// <param name="ContainingTypes">Enclosing types, outermost first.</param>
/// <param name="Mapping">The members.</param>
internal sealed record OnnxRecordTypeModel(
    string? Namespace,
    string Name,
    string Keyword,
    string FullyQualifiedName,
    string MetadataName,
    bool IsReferenceType,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    OnnxRecordModel Mapping)
{
    /// <summary>A stable, unique hint name for the generated file.</summary>
    public string HintName => MetadataName + ".Onnx.g.cs";
}
