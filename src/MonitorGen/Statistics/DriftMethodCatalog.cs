using System;
using MonitorGen.DriftMethods;

namespace MonitorGen.Statistics;

/// <summary>Evidently-compatible ids, score kinds, default thresholds and drift rules of every <see cref="DriftMethod"/>.</summary>
internal static class DriftMethodCatalog
{
    /// <summary>The Evidently id of <paramref name="method"/>, for example <c>"ks"</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="method"/> is <see cref="DriftMethod.Auto"/> or not a defined value.</exception>
    public static string IdOf(DriftMethod method) =>
        DriftMethodTable.Of((int)method)?.Id
        ?? throw new ArgumentException($"Drift method {method} has no id; resolve Auto to a concrete method first.", nameof(method));

    /// <summary>Parses an Evidently id, ignoring case.</summary>
    /// <param name="id">The id, for example <c>"KS"</c> or <c>"tvd"</c>.</param>
    /// <param name="method">The method, or <see cref="DriftMethod.Auto"/> when the id is unknown.</param>
    /// <returns><see langword="true"/> when <paramref name="id"/> names a method.</returns>
    public static bool TryParseId(string id, out DriftMethod method)
    {
        method = DriftMethodTable.OfId(id) is { } row ? (DriftMethod)row.Value : DriftMethod.Auto;
        return method != DriftMethod.Auto;
    }

    /// <summary>Whether the score of <paramref name="method"/> is a p-value or a distance.</summary>
    public static DriftScoreKind ScoreKindOf(DriftMethod method) => Facts(method).IsPValue ? DriftScoreKind.PValue : DriftScoreKind.Distance;

    /// <summary>The default threshold of <paramref name="method"/> (Evidently's).</summary>
    public static double DefaultThreshold(DriftMethod method) => Facts(method).DefaultThreshold;

    /// <summary>Applies the drift rule of <paramref name="method"/>.</summary>
    /// <remarks>ks: p &lt;= t; other p-value methods: p &lt; t; distances: d &gt;= t; ed: d &gt; t (Evidently's comparisons).</remarks>
    /// <param name="method">The method that produced <paramref name="score"/>.</param>
    /// <param name="score">The <see cref="DriftOutcome.Score"/>.</param>
    /// <param name="threshold">The threshold.</param>
    /// <returns><see langword="true"/> when the feature has drifted.</returns>
    public static bool IsDrift(DriftMethod method, double score, double threshold)
    {
        if (method == DriftMethod.Ks)
        {
            return score <= threshold;
        }

        if (method == DriftMethod.EnergyDistance)
        {
            return score > threshold;
        }

        return ScoreKindOf(method) == DriftScoreKind.PValue ? score < threshold : score >= threshold;
    }

    /// <summary>Whether <paramref name="method"/> accepts numerical features: every method does; the categorical tests
    /// (chisquare, z, g_test, fisher_exact, TVD) run on the value counts of the distinct values, as the default rules use chisquare and z
    /// for numerical features with few values.</summary>
    public static bool SupportsNumerical(DriftMethod method) => method != DriftMethod.Auto && Facts(method) is not null;

    /// <summary>Whether <paramref name="method"/> accepts categorical features.</summary>
    public static bool SupportsCategorical(DriftMethod method) => DriftMethodTable.Of((int)method) is { Inputs: not DriftMethodInputs.NumericalOnly };

    private static DriftMethodFacts Facts(DriftMethod method) => DriftMethodTable.Of((int)method) ?? throw new ArgumentException(
        method == DriftMethod.Auto ? "Auto has no score kind or threshold; resolve it to a concrete method first." : $"Unknown drift method value {(int)method}.",
        nameof(method));
}
