using System;
using System.Collections.Generic;

namespace MonitorGen;

/// <summary>Pairs each declared feature with its profile, refusing a profile fitted on another schema.</summary>
internal static class ProfileMatcher
{
    public static FeatureProfile[] Match(MonitorSchema schema, ReferenceProfile profile)
    {
        var byName = new Dictionary<string, FeatureProfile>(StringComparer.Ordinal);
        foreach (FeatureProfile feature in profile.Features)
        {
            byName[feature.Name] = feature;
        }

        var problems = new List<string>();
        var matched = new FeatureProfile[schema.Features.Count];
        for (int i = 0; i < matched.Length; i++)
        {
            FeatureSchema declared = schema.Features[i];
            if (!byName.Remove(declared.Name, out FeatureProfile? fitted))
            {
                problems.Add($"feature '{declared.Name}' is not in the profile");
            }
            else if (fitted.Kind != declared.Kind)
            {
                problems.Add($"feature '{declared.Name}' is {declared.Kind} in '{schema.TypeName}' but {fitted.Kind} in the profile");
            }
            else
            {
                matched[i] = fitted;
            }
        }

        foreach (string extra in byName.Keys)
        {
            problems.Add($"feature '{extra}' is in the profile but not in '{schema.TypeName}'");
        }

        if (problems.Count == 0 && !string.Equals(profile.SchemaHash, schema.SchemaHash, StringComparison.Ordinal))
        {
            problems.Add($"schema hash {profile.SchemaHash} differs from the type's {schema.SchemaHash}");
        }

        if (problems.Count > 0)
        {
            throw new ProfileException(profile.Source, $"does not match '{schema.TypeName}': {string.Join("; ", problems)}. Refit the profile.");
        }

        return matched;
    }
}
