using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using MonitorGen.SourceRules;

namespace MonitorGen.Generators.Parsing;

/// <summary>The monitoring attribute types of one compilation, resolved once per parsed type.</summary>
internal sealed class KnownAttributes
{
    private readonly INamedTypeSymbol? _driftTest;
    private readonly INamedTypeSymbol? _kpiMetric;
    private readonly INamedTypeSymbol? _expect;
    private readonly INamedTypeSymbol? _prediction;

    public KnownAttributes(Compilation compilation)
    {
        _driftTest = compilation.GetTypeByMetadataName(KnownTypeNames.DriftTestAttribute);
        _kpiMetric = compilation.GetTypeByMetadataName(KnownTypeNames.KpiMetricAttribute);
        _expect = compilation.GetTypeByMetadataName(KnownTypeNames.ExpectAttribute);
        _prediction = compilation.GetTypeByMetadataName(KnownTypeNames.PredictionAttribute);
    }

    public FoundAttributes Find(IEnumerable<AttributeData> attributes)
    {
        AttributeData? driftTest = null, kpiMetric = null, expect = null, prediction = null;
        foreach (AttributeData attribute in attributes)
        {
            INamedTypeSymbol? type = attribute.AttributeClass;
            if (type is null)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(type, _driftTest))
            {
                driftTest ??= attribute;
            }
            else if (SymbolEqualityComparer.Default.Equals(type, _kpiMetric))
            {
                kpiMetric ??= attribute;
            }
            else if (SymbolEqualityComparer.Default.Equals(type, _expect))
            {
                expect ??= attribute;
            }
            else if (SymbolEqualityComparer.Default.Equals(type, _prediction))
            {
                prediction ??= attribute;
            }
        }

        return new FoundAttributes(driftTest, kpiMetric, expect, prediction);
    }
}

/// <summary>The monitoring attributes found on one member (its property and, for positional records, its parameter).</summary>
internal sealed record FoundAttributes(AttributeData? DriftTest, AttributeData? KpiMetric, AttributeData? Expect, AttributeData? Prediction);
