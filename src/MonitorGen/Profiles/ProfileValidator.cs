using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using MonitorGen.Profiles;
using MonitorGen.Sketches;
using MonitorGen.Statistics;

namespace MonitorGen.Profiles;

/// <summary>
/// Checks a deserialized profile's invariants, so that a bad file fails at load, naming the feature and the problem, and
/// never on the hot path or in a drift check: sizes within <see cref="ProfileLimits"/>, counts that add up, finite
/// summaries, and a method that fits the feature's kind.
/// </summary>
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
        Require(source, profile.Features!.Count <= ProfileLimits.MaxFeatures, $"{profile.Features.Count} features, more than the limit of {ProfileLimits.MaxFeatures}");

        if (profile.ReferencePerformance is { } reference)
        {
            Require(source, double.IsFinite(reference) && reference >= 0, "referencePerformance is not a finite number at least 0");
            Require(source, profile.ReferencePerformanceLabels >= 1, "referencePerformance is set but referencePerformanceLabels is not at least 1");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var feature in profile.Features)
        {
            Require(source, feature is not null, "a feature is null");
            Require(source, !string.IsNullOrWhiteSpace(feature!.Name), "a feature has no name");
            string where = $"feature '{feature.Name}'";
            Require(source, names.Add(feature.Name), $"{where} appears twice");
            Require(source, feature.Count >= 0 && feature.Missing >= 0 && feature.Invalid >= 0 && feature.DistinctCount >= 0, $"{where} has a negative count");
            Require(source, Enum.IsDefined(feature.Method) && feature.Method != DriftMethod.Auto, $"{where} has no resolved method");
            if (feature.Kind == FeatureKind.Numerical)
            {
                ValidateNumerical(source, where, feature);
            }
            else if (feature.Kind == FeatureKind.Categorical)
            {
                ValidateCategorical(source, where, feature);
            }
            else
            {
                throw new ProfileException(source, $"{where} has unknown kind {(int)feature.Kind}");
            }

            if (feature.Null is not null)
            {
                ValidateNull(source, where, feature.Null);
            }
        }
    }

    private static void ValidateNumerical(string source, string where, FeatureProfile feature)
    {
        Require(source, feature.Cuts is not null && feature.BinCounts is not null && feature.Sample is not null, $"{where} lacks cuts, binCounts or sample");
        Require(source, feature.BinCounts!.Length == feature.Cuts!.Length + 1, $"{where} has {feature.BinCounts.Length} bin counts for {feature.Cuts.Length} cuts (expected cuts + 1)");
        Require(source, feature.BinCounts.Length <= ProfileLimits.MaxBins, $"{where} has {feature.BinCounts.Length} bins, more than the limit of {ProfileLimits.MaxBins}");
        Require(source, feature.Sample!.Length <= ProfileLimits.MaxSample, $"{where} has {feature.Sample.Length} sampled values, more than the limit of {ProfileLimits.MaxSample}");
        for (int i = 0; i < feature.Cuts.Length; i++)
        {
            Require(source, double.IsFinite(feature.Cuts[i]) && (i == 0 || feature.Cuts[i] > feature.Cuts[i - 1]), $"{where} has cuts that are not finite and strictly increasing");
        }

        RequireCountsAddUp(source, where, feature.BinCounts, 0, feature.Count, "bin counts");
        foreach (double value in feature.Sample)
        {
            Require(source, double.IsFinite(value), $"{where} has a non-finite sample value");
        }

        Require(source, feature.Sample.Length <= feature.Count, $"{where} has {feature.Sample.Length} sampled values from {feature.Count} values");
        Require(source, feature.Count == 0 || feature.Sample.Length > 0, $"{where} has {feature.Count} values but an empty sample");
        Require(source, double.IsFinite(feature.StandardDeviation) && feature.StandardDeviation >= 0, $"{where} has an invalid standardDeviation");
        Require(source, double.IsFinite(feature.Mean) && double.IsFinite(feature.Min) && double.IsFinite(feature.Max), $"{where} has a mean, min or max that is not finite");
        Require(source, feature.Count == 0 || (feature.Min <= feature.Mean && feature.Mean <= feature.Max) || AlmostWithin(feature), $"{where} has a mean outside [min, max]");
        Require(source, DriftMethodCatalog.SupportsNumerical(feature.Method), $"{where} is numerical, and method {feature.Method} does not test numbers");
    }

    private static void ValidateCategorical(string source, string where, FeatureProfile feature)
    {
        Require(source, feature.Categories is not null && feature.CategoryCounts is not null, $"{where} lacks categories or categoryCounts");
        Require(source, feature.Categories!.Length == feature.CategoryCounts!.Length, $"{where} has {feature.Categories.Length} categories but {feature.CategoryCounts.Length} counts");
        Require(source, feature.Categories.Length <= ProfileLimits.MaxCategories, $"{where} has {feature.Categories.Length} categories, more than the limit of {ProfileLimits.MaxCategories}");
        var categories = new HashSet<string>(StringComparer.Ordinal);
        foreach (string category in feature.Categories)
        {
            Require(source, category is not null && categories.Add(category), $"{where} has a null or repeated category");
        }

        Require(source, feature.OtherCount >= 0, $"{where} has a negative otherCount");
        Require(source, feature.OtherSeen is null || SeenCategoryFilter.TryParse(feature.OtherSeen, out _),
            $"{where} has an otherSeen filter that is not base64 of whole 64-bit words within {SeenCategoryFilter.MaxBytes} bytes");
        RequireCountsAddUp(source, where, feature.CategoryCounts, feature.OtherCount, feature.Count, "category counts and otherCount");
        Require(source, DriftMethodCatalog.SupportsCategorical(feature.Method), $"{where} is categorical, and method {feature.Method} does not test categories");
    }

    private static void ValidateNull(string source, string where, NullDistribution distribution)
    {
        where = $"the null distribution of {where}";
        Require(source, distribution.Resamples >= 1 && distribution.ReferenceSize >= 1, $"{where} has no resamples or no reference size");
        int[]? sizes = distribution.Sizes;
        double[][]? values = distribution.Values;
        double[][]? tails = distribution.TailProbabilities;
        Require(source, sizes is not null && values is not null && tails is not null, $"{where} lacks sizes, values or tailProbabilities");
        Require(source, sizes!.Length >= 1 && sizes.Length <= ProfileLimits.MaxNullRungs,
            $"{where} has {sizes.Length} window sizes (between 1 and {ProfileLimits.MaxNullRungs})");
        Require(source, values!.Length == sizes.Length && tails!.Length == sizes.Length, $"{where} has not one rung of values and tail probabilities per window size");
        for (int j = 0; j < sizes.Length; j++)
        {
            Require(source, sizes[j] >= 1 && (j == 0 || sizes[j] > sizes[j - 1]), $"{where} has window sizes that are not positive and strictly increasing");
            double[]? v = values[j];
            double[]? t = tails[j];
            Require(source, v is not null && t is not null && v.Length == t.Length && v.Length >= 1 && v.Length <= ProfileLimits.MaxNullPoints,
                $"{where} has a rung without matching values and tail probabilities (between 1 and {ProfileLimits.MaxNullPoints})");
            Require(source, t![0] == 1, $"{where} has a rung whose first tail probability is not 1");
            for (int i = 0; i < v!.Length; i++)
            {
                Require(source, double.IsFinite(v[i]) && (i == 0 || v[i] > v[i - 1]), $"{where} has values that are not finite and strictly increasing");
                Require(source, t[i] > 0 && t[i] <= 1 && (i == 0 || t[i] < t[i - 1]), $"{where} has tail probabilities that are not in (0, 1] and strictly decreasing");
            }
        }
    }

    // Int128, so that hostile counts near long.MaxValue cannot wrap around into a plausible total.
    private static void RequireCountsAddUp(string source, string where, long[] counts, long extra, long total, string what)
    {
        Int128 sum = extra;
        foreach (long count in counts)
        {
            Require(source, count >= 0, $"{where} has a negative count in its {what}");
            sum += count;
        }

        Require(source, sum == total, $"{where} has {what} that add up to {sum}, not to its count {total}");
    }

    // A mean computed in floating point can land an ulp outside [min, max] when every value is the same.
    private static bool AlmostWithin(FeatureProfile feature)
    {
        double slack = 1e-12 * Math.Max(1, Math.Max(Math.Abs(feature.Min), Math.Abs(feature.Max)));
        return feature.Mean >= feature.Min - slack && feature.Mean <= feature.Max + slack;
    }

    private static void Require(string source, [DoesNotReturnIf(false)] bool condition, string problem)
    {
        if (!condition)
        {
            throw new ProfileException(source, problem);
        }
    }
}
