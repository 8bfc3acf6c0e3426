using System;
using System.Collections.Generic;
using System.Globalization;

namespace MonitorGen.Profiles;

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
            else if (declared.NumericCategories && NumericCategoryProblem(fitted) is { } problem)
            {
                problems.Add($"feature '{declared.Name}' is a categorical number in '{schema.TypeName}' but the profile has {problem}");
            }
            else if (declared.MaxCategories > 0 && fitted.Categories.Length > declared.MaxCategories)
            {
                problems.Add($"feature '{declared.Name}' has {fitted.Categories.Length} categories in the profile, more than its cap of {declared.MaxCategories}");
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

    // A hand-edited profile could name one number twice ("1" and "1.0"), which would leave a category unreachable.
    private static string? NumericCategoryProblem(FeatureProfile fitted)
    {
        var values = new HashSet<double>();
        foreach (string category in fitted.Categories)
        {
            if (!double.TryParse(category, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                return $"category '{category}', which is not a finite number";
            }

            if (!values.Add(value))
            {
                return $"category '{category}', a number already named by another category";
            }
        }

        return null;
    }
}
