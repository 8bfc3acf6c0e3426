namespace MonitorGen.Generators.Model;

/// <summary>
/// Everything the emitter needs about one <c>[Monitor]</c> type: strings and values only, no symbols or syntax,
/// so that the pipeline caches it across edits that do not change it.
/// </summary>
/// <param name="Namespace">The namespace, or null for the global namespace.</param>
/// <param name="Name">The type name.</param>
/// <param name="Keyword">The declaration keyword(s) of the type.</param>
/// <param name="Accessibility">The accessibility of the generated monitor class.</param>
/// <param name="FullyQualifiedName">The <c>global::</c>-qualified type name.</param>
/// <param name="MetadataName">The dotted full name that goes in the schema and the profile.</param>
/// <param name="IsReferenceType">Whether a row can be null.</param>
/// <param name="ContainingTypes">Enclosing types, outermost first.</param>
/// <param name="ModelName">From <c>[Monitor]</c>.</param>
/// <param name="ModelVersion">From <c>[Monitor(Version = ...)]</c>.</param>
/// <param name="Features">The monitored features, in declaration order.</param>
/// <param name="Kpis">The KPI members, in declaration order.</param>
/// <param name="Onnx">The ONNX mapping, when the compilation references MonitorGen.OnnxRuntime.</param>
/// <param name="Prediction">The <c>[Prediction]</c> member, when there is one that a label can be compared with.</param>
internal sealed record MonitorTypeModel(
    string? Namespace,
    string Name,
    string Keyword,
    string Accessibility,
    string FullyQualifiedName,
    string MetadataName,
    bool IsReferenceType,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string ModelName,
    string? ModelVersion,
    EquatableArray<FeatureModel> Features,
    EquatableArray<KpiModel> Kpis,
    OnnxRecordTypeModel? Onnx,
    PredictionModel? Prediction)
{
    /// <summary>The generated monitor class's name.</summary>
    public string MonitorName => Name + "Monitor";

    /// <summary>A stable, unique hint name for the generated file.</summary>
    public string HintName => MetadataName + ".Monitor.g.cs";
}
