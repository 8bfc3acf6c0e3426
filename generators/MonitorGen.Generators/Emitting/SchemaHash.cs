using System.Globalization;
using System.Text;
using MonitorGen.Generators.Model;

namespace MonitorGen.Generators.Emitting;

/// <summary>
/// A 64-bit FNV-1a hash of the type name and its features' names and kinds: a profile fitted on another shape of the
/// type is refused at start-up. Methods and thresholds are left out, since they can change without refitting.
/// </summary>
internal static class SchemaHash
{
    public static string Of(MonitorTypeModel model)
    {
        var canonical = new StringBuilder(model.MetadataName).Append('\n');
        foreach (FeatureModel feature in model.Features)
        {
            canonical.Append(feature.MemberName).Append(':').Append(feature.IsNumerical ? 'N' : 'C').Append('\n');
        }

        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(canonical.ToString()))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }
}
