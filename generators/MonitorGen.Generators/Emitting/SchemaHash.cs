using System.Linq;
using MonitorGen.Generators.Model;
using MonitorGen.SourceRules;

namespace MonitorGen.Generators.Emitting;

/// <summary>The schema hash of a parsed type; see <see cref="SchemaHashing"/>.</summary>
internal static class SchemaHash
{
    public static string Of(MonitorTypeModel model) =>
        SchemaHashing.Compute(model.MetadataName, model.Features.Select(feature => new SchemaFeature(feature.MemberName, feature.IsNumerical)));
}
