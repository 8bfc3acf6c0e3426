using System.Collections.Generic;

namespace MonitorGen.DriftMethods;

/// <summary>
/// Every concrete drift method, one row each, indexed by its <c>DriftMethod</c> value: the one place that says what a method
/// is. Linked into the runtime (<c>DriftMethodCatalog</c>), the generator and the analyzers (<c>DriftMethodRules</c>,
/// <c>AttributeArgumentRules</c>) and, through the runtime, the CLI. To add a method: append its enum value, add its row
/// here, and its statistic to <c>DriftStatistics</c>; <c>DriftMethodTableTests</c> fails until every consumer agrees.
/// </summary>
internal static class DriftMethodTable
{
    /// <summary>The value of <c>DriftMethod.Auto</c>, which has no row: its method is chosen per feature.</summary>
    public const int Auto = 0;

    private const double PValueThreshold = 0.05;
    private const double DistanceThreshold = 0.1;

    private static readonly DriftMethodFacts[] Rows =
    {
        new(1, "Ks", "ks", isPValue: true, PValueThreshold, DriftMethodInputs.NumericalOnly),
        new(2, "ChiSquare", "chisquare", isPValue: true, PValueThreshold, DriftMethodInputs.DiscreteCounts),
        new(3, "Z", "z", isPValue: true, PValueThreshold, DriftMethodInputs.BinaryOnly),
        new(4, "Wasserstein", "wasserstein", isPValue: false, DistanceThreshold, DriftMethodInputs.NumericalOnly),
        new(5, "JensenShannon", "jensenshannon", isPValue: false, DistanceThreshold, DriftMethodInputs.NumericalOrCategorical),
        new(6, "Psi", "psi", isPValue: false, DistanceThreshold, DriftMethodInputs.NumericalOrCategorical),
        new(7, "KlDiv", "kl_div", isPValue: false, DistanceThreshold, DriftMethodInputs.NumericalOrCategorical),
        new(8, "Hellinger", "hellinger", isPValue: false, DistanceThreshold, DriftMethodInputs.NumericalOrCategorical),
        // Evidently's anderson, cramer_von_mises, g_test, fisher_exact, TVD and empirical_mmd are p-values with a threshold of 0.1.
        new(9, "AndersonDarling", "anderson", isPValue: true, DistanceThreshold, DriftMethodInputs.NumericalOnly),
        new(10, "CramerVonMises", "cramer_von_mises", isPValue: true, DistanceThreshold, DriftMethodInputs.NumericalOnly),
        new(11, "MannWhitney", "mannw", isPValue: true, PValueThreshold, DriftMethodInputs.NumericalOnly),
        new(12, "TTest", "t_test", isPValue: true, PValueThreshold, DriftMethodInputs.NumericalOnly),
        new(13, "EppsSingleton", "es", isPValue: true, PValueThreshold, DriftMethodInputs.NumericalOnly),
        new(14, "GTest", "g_test", isPValue: true, DistanceThreshold, DriftMethodInputs.DiscreteCounts),
        new(15, "FisherExact", "fisher_exact", isPValue: true, DistanceThreshold, DriftMethodInputs.BinaryOnly),
        new(16, "Tvd", "TVD", isPValue: true, DistanceThreshold, DriftMethodInputs.NumericalOrCategorical),
        new(17, "EnergyDistance", "ed", isPValue: false, DistanceThreshold, DriftMethodInputs.NumericalOnly),
        new(18, "EmpiricalMmd", "empirical_mmd", isPValue: true, DistanceThreshold, DriftMethodInputs.NumericalOnly),
    };

    /// <summary>One past the largest value: the count of enum members, <c>Auto</c> included.</summary>
    public static int Count => Rows.Length + 1;

    /// <summary>The concrete methods, in value order.</summary>
    public static IReadOnlyList<DriftMethodFacts> Methods => Rows;

    /// <summary>The row of <paramref name="value"/>, or null for <c>Auto</c> and values outside the enum.</summary>
    public static DriftMethodFacts? Of(long value) => value >= 1 && value <= Rows.Length ? Rows[value - 1] : null;

    /// <summary>The row whose id is <paramref name="id"/>, ignoring case and surrounding white space, or null.</summary>
    public static DriftMethodFacts? OfId(string? id)
    {
        string? trimmed = id?.Trim();
        foreach (DriftMethodFacts row in Rows)
        {
            if (string.Equals(row.Id, trimmed, System.StringComparison.OrdinalIgnoreCase))
            {
                return row;
            }
        }

        return null;
    }

    /// <summary>The ids, comma-separated in value order, for help texts and error messages.</summary>
    public static string IdList => string.Join(", ", System.Linq.Enumerable.Select(Rows, row => row.Id));
}
