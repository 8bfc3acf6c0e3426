using System;
using System.Collections.Generic;
using System.Globalization;
using MonitorGen.Sketches;

namespace MonitorGen.Reports;

/// <summary>Builds the <see cref="FeatureDistribution"/> a report draws, from a profile and a window or from two files' bins.</summary>
internal static class FeatureDistributions
{
    /// <summary>The label of the category bin that gathers the values beyond the profile's categories.</summary>
    public const string OtherLabel = "(other)";

    /// <summary>A number feature: the profile's bins, where a value equal to a cut counts in the bin above it.</summary>
    public static FeatureDistribution Numeric(FeatureProfile profile, CountVector window) =>
        new() { Bins = CutLabels(profile.Cuts), Reference = profile.BinCounts, Current = window.ToArray() };

    /// <summary>A category feature: the profile's categories, then <see cref="OtherLabel"/>.</summary>
    public static FeatureDistribution Categorical(FeatureProfile profile, CountVector window)
    {
        var bins = new string[profile.Categories.Length + 1];
        var reference = new long[bins.Length];
        profile.Categories.CopyTo(bins, 0);
        profile.CategoryCounts.CopyTo(reference, 0);
        bins[^1] = OtherLabel;
        reference[^1] = profile.OtherCount;
        return new FeatureDistribution { Bins = bins, Reference = reference, Current = window.ToArray() };
    }

    /// <summary>Labels the bins that interior cuts make: <c>&lt; c0</c>, <c>[c0, c1)</c>, …, <c>≥ cN</c>.</summary>
    public static string[] CutLabels(IReadOnlyList<double> cuts)
    {
        if (cuts.Count == 0)
        {
            return new[] { "all values" };
        }

        var labels = new string[cuts.Count + 1];
        labels[0] = "< " + Format(cuts[0]);
        for (int i = 1; i < cuts.Count; i++)
        {
            labels[i] = $"[{Format(cuts[i - 1])}, {Format(cuts[i])})";
        }

        labels[^1] = "≥ " + Format(cuts[^1]);
        return labels;
    }

    /// <summary>Labels the bins between <paramref name="edges"/>, the last one closed: <c>[e0, e1)</c>, …, <c>[eN-1, eN]</c>.</summary>
    public static string[] EdgeLabels(IReadOnlyList<double> edges)
    {
        var labels = new string[Math.Max(edges.Count - 1, 0)];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = $"[{Format(edges[i])}, {Format(edges[i + 1])}{(i == labels.Length - 1 ? "]" : ")")}";
        }

        return labels;
    }

    // Four significant digits keep a label short; the counts, not the labels, carry the data.
    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
