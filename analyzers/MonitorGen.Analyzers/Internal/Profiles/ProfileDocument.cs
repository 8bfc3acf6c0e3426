using System.Collections.Immutable;
using MonitorGen.SourceRules;

namespace MonitorGen.Analyzers.Internal.Profiles;

/// <summary>The parts of a reference profile (<c>*.monitorprofile.json</c>) that MG0009 compares with a record.</summary>
internal sealed class ProfileDocument
{
    public ProfileDocument(string modelName, string typeName, string schemaHash, ImmutableArray<SchemaFeature> features)
    {
        ModelName = modelName;
        TypeName = typeName;
        SchemaHash = schemaHash;
        Features = features;
    }

    /// <summary>The profile's <c>modelName</c>.</summary>
    public string ModelName { get; }

    /// <summary>The dotted full name of the type the profile was fitted on (<c>typeName</c>).</summary>
    public string TypeName { get; }

    /// <summary>The type's schema hash when the profile was fitted (<c>schemaHash</c>).</summary>
    public string SchemaHash { get; }

    /// <summary>The profile's features, in file order, with their kinds.</summary>
    public ImmutableArray<SchemaFeature> Features { get; }
}
