using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using MonitorGen.SourceRules;

namespace MonitorGen.Analyzers.Internal;

/// <summary>The schema of a <c>[Monitor]</c> type as the generator emits it: its type name, features and hash.</summary>
internal sealed class RecordSchema
{
    private RecordSchema(string typeName, ImmutableArray<SchemaFeature> features)
    {
        TypeName = typeName;
        Features = features;
        Hash = SchemaHashing.Compute(typeName, features);
    }

    /// <summary>The dotted full name.</summary>
    public string TypeName { get; }

    /// <summary>The features in the schema, in declaration order.</summary>
    public ImmutableArray<SchemaFeature> Features { get; }

    /// <summary>The schema hash the generated monitor carries.</summary>
    public string Hash { get; }

    /// <summary>Reads the schema with the generator's rules (<see cref="SchemaFeatureRules"/>).</summary>
    public static RecordSchema Of(INamedTypeSymbol type, MonitorGenSymbols symbols, CancellationToken cancellationToken)
    {
        ImmutableArray<FeatureMember> members = FeatureMemberCollector.Collect(type, cancellationToken);
        ImmutableArray<SchemaFeature>.Builder features = ImmutableArray.CreateBuilder<SchemaFeature>();
        foreach (FeatureMember member in members)
        {
            if (member.Property.GetMethod is null)
            {
                continue;
            }

            AttributeData? driftTest = null, expect = null;
            foreach (AttributeData attribute in member.GetAttributes())
            {
                if (symbols.IsDriftTest(attribute))
                {
                    driftTest ??= attribute;
                }
                else if (symbols.IsExpect(attribute))
                {
                    expect ??= attribute;
                }
            }

            MemberValueKind kind = FeatureTypeClassifier.Classify(member.Type, out ITypeSymbol valueType, out _);
            if (SchemaFeatureRules.TryRead(member.Name, kind, valueType, driftTest, expect, out SchemaFeatureSettings settings))
            {
                features.Add(new SchemaFeature(member.Name, FeatureTypeClassifier.IsNumerical(kind, settings.CategoricalNumber)));
            }
        }

        return new RecordSchema(SchemaFeatureRules.TypeName(type), features.ToImmutable());
    }
}
