using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MonitorGen.SourceRules;

/// <summary>One feature as the schema hash sees it: its name and whether it is numerical.</summary>
internal readonly struct SchemaFeature
{
    public SchemaFeature(string name, bool isNumerical)
    {
        Name = name;
        IsNumerical = isNumerical;
    }

    /// <summary>The member name.</summary>
    public string Name { get; }

    /// <summary>Numerical (<c>N</c>) or categorical (<c>C</c>).</summary>
    public bool IsNumerical { get; }
}

/// <summary>
/// A 64-bit FNV-1a hash of the type name and its features' names and kinds: a profile fitted on another shape of the
/// type is refused at start-up (runtime) and flagged at build time (MG0009), so the generator and the analyzers share it.
/// Methods and thresholds are left out, since they can change without refitting.
/// </summary>
internal static class SchemaHashing
{
    public static string Compute(string typeName, IEnumerable<SchemaFeature> features)
    {
        var canonical = new StringBuilder(typeName).Append('\n');
        foreach (SchemaFeature feature in features)
        {
            canonical.Append(feature.Name).Append(':').Append(feature.IsNumerical ? 'N' : 'C').Append('\n');
        }

        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(canonical.ToString()))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }
}
