using Microsoft.CodeAnalysis;

namespace MonitorGen.SourceRules;

/// <summary>
/// The types of MonitorGen.OnnxRuntime that the ONNX mapping rules look for, each null when the compilation does not
/// reference the package.
/// </summary>
internal sealed class OnnxSymbols
{
    private OnnxSymbols(Compilation compilation)
    {
        RecordInterface = compilation.GetTypeByMetadataName(KnownTypeNames.OnnxRecordInterface);
        InputAttribute = compilation.GetTypeByMetadataName(KnownTypeNames.OnnxInputAttribute);
        OutputAttribute = compilation.GetTypeByMetadataName(KnownTypeNames.OnnxOutputAttribute);
        IgnoreAttribute = compilation.GetTypeByMetadataName(KnownTypeNames.OnnxIgnoreAttribute);
        RecordAttribute = compilation.GetTypeByMetadataName(KnownTypeNames.OnnxRecordAttribute);
    }

    /// <summary><c>IOnnxRecord&lt;TSelf&gt;</c>, which the generator implements on a [Monitor] type.</summary>
    public INamedTypeSymbol? RecordInterface { get; }

    public INamedTypeSymbol? InputAttribute { get; }

    public INamedTypeSymbol? OutputAttribute { get; }

    public INamedTypeSymbol? IgnoreAttribute { get; }

    /// <summary><c>[OnnxRecord]</c>: the ONNX mapping for a type that is not <c>[Monitor]</c>.</summary>
    public INamedTypeSymbol? RecordAttribute { get; }

    public static OnnxSymbols Create(Compilation compilation) => new(compilation);
}
