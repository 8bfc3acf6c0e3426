using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace MonitorGen;

/// <summary>Checks a deserialized profile's invariants, so that a bad file fails at load and never on the hot path.</summary>
internal static class ProfileValidator
{
    public static void Validate(ReferenceProfile profile)
    {
        string source = profile.Source;
        if (profile.FormatVersion != ReferenceProfile.CurrentFormatVersion)
        {
            throw new ProfileException(source, $"format version {profile.FormatVersion} is not supported (this library reads version {ReferenceProfile.CurrentFormatVersion})");
        }

        Require(source, !string.IsNullOrWhiteSpace(profile.ModelName), "modelName is missing");
        Require(source, !string.IsNullOrWhiteSpace(profile.SchemaHash), "schemaHash is missing");
        Require(source, profile.Features is not null, "features is missing");
        Require(source, profile.RowCount >= 0, "rowCount is negative");

        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var feature in profile.Features!)
        {
            Require(source, feature is not null, "a feature is null");
            Require(source, !string.IsNullOrWhiteSpace(feature!.Name), "a feature has no name");
            string where = $"feature '{feature.Name}'";
            Require(source, names.Add(feature.Name), $"{where} appears twice");
            Require(source, feature.Count >= 0 && feature.Missing >= 0 && feature.Invalid >= 0, $"{where} has a negative count");
            Require(source, System.Enum.IsDefined(feature.Method) && feature.Method != DriftMethod.Auto, $"{where} has no resolved method");
            if (feature.Kind == FeatureKind.Numerical)
            {
                Require(source, feature.Cuts is not null && feature.BinCounts is not null && feature.Sample is not null, $"{where} lacks cuts, binCounts or sample");
                Require(source, feature.BinCounts!.Length == feature.Cuts!.Length + 1, $"{where} has {feature.BinCounts.Length} bin counts for {feature.Cuts.Length} cuts (expected cuts + 1)");
                for (int i = 0; i < feature.Cuts.Length; i++)
                {
                    Require(source, double.IsFinite(feature.Cuts[i]) && (i == 0 || feature.Cuts[i] > feature.Cuts[i - 1]), $"{where} has cuts that are not finite and strictly increasing");
                }

                foreach (long count in feature.BinCounts)
                {
                    Require(source, count >= 0, $"{where} has a negative bin count");
                }

                foreach (double value in feature.Sample)
                {
                    Require(source, double.IsFinite(value), $"{where} has a non-finite sample value");
                }

                Require(source, double.IsFinite(feature.StandardDeviation) && feature.StandardDeviation >= 0, $"{where} has an invalid standardDeviation");
            }
            else if (feature.Kind == FeatureKind.Categorical)
            {
                Require(source, feature.Categories is not null && feature.CategoryCounts is not null, $"{where} lacks categories or categoryCounts");
                Require(source, feature.Categories!.Length == feature.CategoryCounts!.Length, $"{where} has {feature.Categories.Length} categories but {feature.CategoryCounts.Length} counts");
                var categories = new HashSet<string>(System.StringComparer.Ordinal);
                foreach (string category in feature.Categories)
                {
                    Require(source, category is not null && categories.Add(category), $"{where} has a null or repeated category");
                }

                foreach (long count in feature.CategoryCounts)
                {
                    Require(source, count >= 0, $"{where} has a negative category count");
                }
            }
            else
            {
                throw new ProfileException(source, $"{where} has unknown kind {(int)feature.Kind}");
            }
        }
    }

    private static void Require(string source, [DoesNotReturnIf(false)] bool condition, string problem)
    {
        if (!condition)
        {
            throw new ProfileException(source, problem);
        }
    }
}
