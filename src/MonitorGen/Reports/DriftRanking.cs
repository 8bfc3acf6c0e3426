using System;
using System.Collections.Generic;
using System.Linq;

namespace MonitorGen.Reports;

/// <summary>The order of a report's drift table: drifted features first, then by how near each score is to its threshold.</summary>
internal static class DriftRanking
{
    /// <summary>The indices of <paramref name="features"/>, most drifted first; ties by name, so the order is stable.</summary>
    public static int[] Order(IReadOnlyList<FeatureDriftResult> features) =>
        Enumerable.Range(0, features.Count)
            .OrderByDescending(i => features[i].Drifted)
            .ThenByDescending(i => features[i].Tested)
            .ThenByDescending(i => Nearness(features[i]))
            .ThenBy(i => features[i].Feature, StringComparer.Ordinal)
            .ToArray();

    // Score over threshold for a distance, threshold over score for a p-value: 1 at the threshold, more past it.
    private static double Nearness(FeatureDriftResult result)
    {
        if (result.Score is not double score || double.IsNaN(score) || !(result.Threshold > 0) || double.IsPositiveInfinity(result.Threshold))
        {
            return 0;
        }

        bool pValue = HtmlReport.IsPValue(result.Method);
        return pValue ? (score > 0 ? result.Threshold / score : double.MaxValue) : score / result.Threshold;
    }
}
