using Microsoft.CodeAnalysis;
using MonitorGen.SourceRules;

namespace MonitorGen.Analyzers.Internal;

/// <summary>The MonitorGen attribute types of one compilation.</summary>
internal sealed class MonitorGenSymbols
{
    private MonitorGenSymbols(
        INamedTypeSymbol monitorAttribute,
        INamedTypeSymbol? driftTestAttribute,
        INamedTypeSymbol? kpiMetricAttribute,
        INamedTypeSymbol? expectAttribute,
        INamedTypeSymbol? notMonitoredAttribute,
        INamedTypeSymbol? predictionAttribute,
        OnnxSymbols onnx)
    {
        PredictionAttribute = predictionAttribute;
        MonitorAttribute = monitorAttribute;
        DriftTestAttribute = driftTestAttribute;
        KpiMetricAttribute = kpiMetricAttribute;
        ExpectAttribute = expectAttribute;
        NotMonitoredAttribute = notMonitoredAttribute;
        Onnx = onnx;
    }

    public INamedTypeSymbol MonitorAttribute { get; }

    public INamedTypeSymbol? DriftTestAttribute { get; }

    public INamedTypeSymbol? KpiMetricAttribute { get; }

    public INamedTypeSymbol? ExpectAttribute { get; }

    public INamedTypeSymbol? NotMonitoredAttribute { get; }

    public INamedTypeSymbol? PredictionAttribute { get; }

    /// <summary>The types of MonitorGen.OnnxRuntime, each null when the compilation does not reference it.</summary>
    public OnnxSymbols Onnx { get; }

    /// <summary>The symbols, or null when the compilation does not reference MonitorGen (nothing to analyze then).</summary>
    public static MonitorGenSymbols? Create(Compilation compilation)
    {
        INamedTypeSymbol? monitor = compilation.GetTypeByMetadataName(KnownTypeNames.MonitorAttribute);
        if (monitor is null)
        {
            return null;
        }

        return new MonitorGenSymbols(
            monitor,
            compilation.GetTypeByMetadataName(KnownTypeNames.DriftTestAttribute),
            compilation.GetTypeByMetadataName(KnownTypeNames.KpiMetricAttribute),
            compilation.GetTypeByMetadataName(KnownTypeNames.ExpectAttribute),
            compilation.GetTypeByMetadataName(KnownTypeNames.NotMonitoredAttribute),
            compilation.GetTypeByMetadataName(KnownTypeNames.PredictionAttribute),
            OnnxSymbols.Create(compilation));
    }

    /// <summary>The type's <c>[Monitor]</c> attribute, or null when it is not monitored.</summary>
    public AttributeData? FindMonitorAttribute(INamedTypeSymbol type) => FindAttribute(type, MonitorAttribute);

    /// <summary>The type's <c>[OnnxRecord]</c> attribute, or null.</summary>
    public AttributeData? FindOnnxRecordAttribute(INamedTypeSymbol type) => FindAttribute(type, Onnx.RecordAttribute);

    /// <summary>Whether the attribute is one that monitors a feature: [DriftTest], [KpiMetric] or [Expect].</summary>
    public bool IsMonitoringAttribute(AttributeData attribute) =>
        Is(attribute, DriftTestAttribute) || Is(attribute, KpiMetricAttribute) || Is(attribute, ExpectAttribute);

    public bool IsDriftTest(AttributeData attribute) => Is(attribute, DriftTestAttribute);

    public bool IsKpiMetric(AttributeData attribute) => Is(attribute, KpiMetricAttribute);

    public bool IsExpect(AttributeData attribute) => Is(attribute, ExpectAttribute);

    public bool IsNotMonitored(AttributeData attribute) => Is(attribute, NotMonitoredAttribute);

    public bool IsPrediction(AttributeData attribute) => Is(attribute, PredictionAttribute);

    private static AttributeData? FindAttribute(INamedTypeSymbol type, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return null;
        }

        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (Is(attribute, attributeType))
            {
                return attribute;
            }
        }

        return null;
    }

    private static bool Is(AttributeData attribute, INamedTypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);
}
