using System;

namespace MonitorGen.Statistics;

/// <summary>Evidently-compatible ids, score kinds, default thresholds and drift rules of every <see cref="DriftMethod"/>.</summary>
public static class DriftMethodCatalog
{
    /// <summary>The Evidently id of <paramref name="method"/>, for example <c>"ks"</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="method"/> is <see cref="DriftMethod.Auto"/> or not a defined value.</exception>
    public static string IdOf(DriftMethod method) => method switch
    {
        DriftMethod.Ks => "ks",
        DriftMethod.ChiSquare => "chisquare",
        DriftMethod.Z => "z",
        DriftMethod.Wasserstein => "wasserstein",
        DriftMethod.JensenShannon => "jensenshannon",
        DriftMethod.Psi => "psi",
        DriftMethod.KlDiv => "kl_div",
        DriftMethod.Hellinger => "hellinger",
        DriftMethod.AndersonDarling => "anderson",
        DriftMethod.CramerVonMises => "cramer_von_mises",
        DriftMethod.MannWhitney => "mannw",
        DriftMethod.TTest => "t_test",
        DriftMethod.EppsSingleton => "es",
        DriftMethod.GTest => "g_test",
        DriftMethod.FisherExact => "fisher_exact",
        DriftMethod.Tvd => "TVD",
        DriftMethod.EnergyDistance => "ed",
        DriftMethod.EmpiricalMmd => "empirical_mmd",
        _ => throw new ArgumentException($"Drift method {method} has no id; resolve Auto to a concrete method first.", nameof(method)),
    };

    /// <summary>Parses an Evidently id, ignoring case.</summary>
    /// <param name="id">The id, for example <c>"KS"</c> or <c>"tvd"</c>.</param>
    /// <param name="method">The method, or <see cref="DriftMethod.Auto"/> when the id is unknown.</param>
    /// <returns><see langword="true"/> when <paramref name="id"/> names a method.</returns>
    public static bool TryParseId(string id, out DriftMethod method)
    {
        if (id is not null)
        {
            foreach (DriftMethod candidate in Enum.GetValues<DriftMethod>())
            {
                if (candidate != DriftMethod.Auto && string.Equals(IdOf(candidate), id.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    method = candidate;
                    return true;
                }
            }
        }

        method = DriftMethod.Auto;
        return false;
    }

    /// <summary>Whether the score of <paramref name="method"/> is a p-value or a distance.</summary>
    public static DriftScoreKind ScoreKindOf(DriftMethod method) => method switch
    {
        DriftMethod.Wasserstein or DriftMethod.JensenShannon or DriftMethod.Psi or DriftMethod.KlDiv
            or DriftMethod.Hellinger or DriftMethod.EnergyDistance => DriftScoreKind.Distance,
        DriftMethod.Auto => throw new ArgumentException("Auto has no score kind; resolve it to a concrete method first.", nameof(method)),
        _ => Known(method, DriftScoreKind.PValue),
    };

    /// <summary>The default threshold of <paramref name="method"/> (Evidently's).</summary>
    public static double DefaultThreshold(DriftMethod method) => method switch
    {
        DriftMethod.Ks or DriftMethod.ChiSquare or DriftMethod.Z or DriftMethod.MannWhitney
            or DriftMethod.TTest or DriftMethod.EppsSingleton => 0.05,
        DriftMethod.Auto => throw new ArgumentException("Auto has no threshold; resolve it to a concrete method first.", nameof(method)),
        _ => Known(method, 0.1),
    };

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
    public static bool SupportsNumerical(DriftMethod method) => method != DriftMethod.Auto && Known(method, true);

    /// <summary>Whether <paramref name="method"/> accepts categorical features.</summary>
    public static bool SupportsCategorical(DriftMethod method) => method switch
    {
        DriftMethod.ChiSquare or DriftMethod.Z or DriftMethod.JensenShannon or DriftMethod.Psi or DriftMethod.KlDiv
            or DriftMethod.Hellinger or DriftMethod.GTest or DriftMethod.FisherExact or DriftMethod.Tvd => true,
        _ => false,
    };

    private static T Known<T>(DriftMethod method, T value) =>
        Enum.IsDefined(method) ? value : throw new ArgumentException($"Unknown drift method value {(int)method}.", nameof(method));
}
