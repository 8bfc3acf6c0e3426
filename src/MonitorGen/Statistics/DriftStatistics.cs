using System;

namespace MonitorGen.Statistics;

/// <summary>Batch drift tests with Evidently's definitions (see <c>docs/statistics.md</c>). Dispatches to one class per method.</summary>
public static class DriftStatistics
{
    /// <summary>The id of <paramref name="method"/> as reports and the CLI write it (Evidently's, such as <c>ks</c> or <c>psi</c>).</summary>
    /// <exception cref="ArgumentException"><see cref="DriftMethod.Auto"/>, which has no id.</exception>
    public static string IdOf(DriftMethod method) => DriftMethodCatalog.IdOf(method);

    /// <summary>The method whose id is <paramref name="id"/>, ignoring case and surrounding white space.</summary>
    /// <returns>Whether <paramref name="id"/> names a method.</returns>
    public static bool TryParseMethod(string id, out DriftMethod method) => DriftMethodCatalog.TryParseId(id, out method);

    /// <summary>Runs <paramref name="method"/> on two raw numerical samples.</summary>
    /// <remarks>
    /// psi, kl_div and jensenshannon use Sturges bins (or value counts when the reference has at most 20 distinct values);
    /// chisquare, z, g_test, fisher_exact and TVD use the value counts over the distinct values.
    /// </remarks>
    /// <param name="method">A concrete method (not <see cref="DriftMethod.Auto"/>).</param>
    /// <param name="reference">The reference sample, with NaN already removed.</param>
    /// <param name="current">The current sample, with NaN already removed.</param>
    /// <returns>The statistic and, for p-value methods, the p-value.</returns>
    /// <exception cref="ArgumentException">Auto, an empty sample, NaN or infinite values, or a method that cannot run on these data.</exception>
    public static DriftOutcome Numerical(DriftMethod method, ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        RejectAuto(method);
        CheckSample(reference, nameof(reference));
        CheckSample(current, nameof(current));
        switch (method)
        {
            case DriftMethod.Ks:
                return WithP(method, KolmogorovSmirnov.Test(reference, current));
            case DriftMethod.Wasserstein:
                return Distance(method, WassersteinDistance.Normalised(reference, current));
            case DriftMethod.JensenShannon or DriftMethod.Psi or DriftMethod.KlDiv:
            {
                (double[] r, double[] c) = Binning.Proportions(reference, current);
                return ProportionDistance(method, r, c);
            }

            case DriftMethod.Hellinger:
                return Distance(method, HellingerDistance.Numerical(reference, current));
            case DriftMethod.AndersonDarling:
                return WithP(method, AndersonDarling.Test(reference, current));
            case DriftMethod.CramerVonMises:
                return WithP(method, CramerVonMises.Test(reference, current));
            case DriftMethod.MannWhitney:
                return WithP(method, MannWhitney.Test(reference, current));
            case DriftMethod.TTest:
                return WithP(method, StudentTTest.Test(reference, current));
            case DriftMethod.EppsSingleton:
                return WithP(method, EppsSingleton.Test(reference, current));
            case DriftMethod.EnergyDistance:
                return Distance(method, EnergyDistance.Distance(reference, current));
            case DriftMethod.EmpiricalMmd:
                return WithP(method, MaximumMeanDiscrepancy.Test(reference, current));
            case DriftMethod.ChiSquare or DriftMethod.Z or DriftMethod.GTest or DriftMethod.FisherExact or DriftMethod.Tvd:
            {
                (double[] r, double[] c) = Binning.ValueCounts(reference, current);
                return CountTest(method, r, c);
            }

            default:
                throw new ArgumentException($"Unknown drift method value {(int)method}.", nameof(method));
        }
    }

    /// <summary>Runs <paramref name="method"/> on aligned count vectors (categories, or fixed reference bins).</summary>
    /// <param name="method">chisquare, z, g_test, fisher_exact, TVD, jensenshannon, psi, kl_div or hellinger.</param>
    /// <param name="referenceCounts">Reference counts; index i is the same key in both vectors.</param>
    /// <param name="currentCounts">Current counts.</param>
    /// <returns>The statistic and, for p-value methods, the p-value.</returns>
    /// <exception cref="ArgumentException">Auto, a rank or sample method, mismatched lengths, negative or non-finite counts, or an empty sample.</exception>
    public static DriftOutcome Counts(DriftMethod method, ReadOnlySpan<double> referenceCounts, ReadOnlySpan<double> currentCounts)
    {
        RejectAuto(method);
        if (referenceCounts.Length != currentCounts.Length)
        {
            throw new ArgumentException($"The count vectors must be aligned, but have lengths {referenceCounts.Length} and {currentCounts.Length}.");
        }

        CheckCounts(referenceCounts, nameof(referenceCounts));
        CheckCounts(currentCounts, nameof(currentCounts));

        // Keys that neither sample holds are not keys (Evidently takes the union of observed values); keeping them would give 0/0.
        int kept = 0;
        for (int i = 0; i < referenceCounts.Length; i++)
        {
            if (referenceCounts[i] != 0 || currentCounts[i] != 0)
            {
                kept++;
            }
        }

        double[] r = new double[kept];
        double[] c = new double[kept];
        for (int i = 0, k = 0; i < referenceCounts.Length; i++)
        {
            if (referenceCounts[i] != 0 || currentCounts[i] != 0)
            {
                r[k] = referenceCounts[i];
                c[k++] = currentCounts[i];
            }
        }

        switch (method)
        {
            case DriftMethod.ChiSquare or DriftMethod.Z or DriftMethod.GTest or DriftMethod.FisherExact or DriftMethod.Tvd:
                return CountTest(method, r, c);
            case DriftMethod.JensenShannon or DriftMethod.Psi or DriftMethod.KlDiv or DriftMethod.Hellinger:
                return ProportionDistance(method, Binning.ToProportions(r), Binning.ToProportions(c));
            default:
                throw new ArgumentException(
                    $"{DriftMethodCatalog.IdOf(method)} needs the raw samples (it ranks or compares values); it cannot run on counts.", nameof(method));
        }
    }

    /// <summary>
    /// Runs a bin-based method (psi, kl_div or jensenshannon) on the histogram counts of two numerical samples over the same bins,
    /// for example Sturges bins (<see cref="Binning.SturgesEdges(double, double, long)"/>, <see cref="Binning.BinOf"/>) filled while
    /// streaming, or the value counts over the keys. Empty bins are kept (unlike <see cref="Counts"/>, which drops keys that neither
    /// sample holds), so the result equals <see cref="Numerical"/>'s on the same data bit for bit.
    /// </summary>
    /// <param name="method">psi, kl_div or jensenshannon.</param>
    /// <param name="referenceCounts">Reference counts per bin; their sum is the reference size.</param>
    /// <param name="currentCounts">Current counts per bin, aligned with <paramref name="referenceCounts"/>.</param>
    /// <returns>The distance.</returns>
    /// <exception cref="ArgumentException">Another method, mismatched lengths, negative or non-finite counts, or an empty sample.</exception>
    public static DriftOutcome Binned(DriftMethod method, ReadOnlySpan<double> referenceCounts, ReadOnlySpan<double> currentCounts)
    {
        RejectAuto(method);
        if (method is not (DriftMethod.Psi or DriftMethod.KlDiv or DriftMethod.JensenShannon))
        {
            throw new ArgumentException(
                $"{DriftMethodCatalog.IdOf(method)} is not a bin-based method (psi, kl_div, jensenshannon); use Numerical or Counts.", nameof(method));
        }

        if (referenceCounts.Length != currentCounts.Length)
        {
            throw new ArgumentException($"The count vectors must be aligned, but have lengths {referenceCounts.Length} and {currentCounts.Length}.");
        }

        CheckCounts(referenceCounts, nameof(referenceCounts));
        CheckCounts(currentCounts, nameof(currentCounts));

        // Integer counts below 2^53 sum exactly, so counts / total is the same division as Numerical's counts / n.
        return ProportionDistance(method, Binning.ToProportions(referenceCounts), Binning.ToProportions(currentCounts));
    }

    // The distances over two proportion vectors (categorical hellinger; numerical hellinger bins differently).
    private static DriftOutcome ProportionDistance(DriftMethod method, double[] r, double[] c) => Distance(method, method switch
    {
        DriftMethod.Psi => PopulationStabilityIndex.Compute(r, c),
        DriftMethod.KlDiv => KullbackLeibler.Divergence(r, c),
        DriftMethod.JensenShannon => JensenShannon.Distance(r, c),
        DriftMethod.Hellinger => HellingerDistance.Categorical(r, c),
        _ => throw new ArgumentException($"{method} is not a distance over proportions.", nameof(method)),
    });

    private static DriftOutcome CountTest(DriftMethod method, double[] r, double[] c) => method switch
    {
        DriftMethod.ChiSquare => WithP(method, ChiSquareTest.Test(r, c)),
        DriftMethod.GTest => WithP(method, GTest.Test(r, c)),
        DriftMethod.Z => WithP(method, ProportionZTest.Test(r, c)),
        DriftMethod.FisherExact => WithP(method, FisherExact.Test(r, c)),
        DriftMethod.Tvd => WithP(method, TotalVariation.Test(r, c)),
        _ => throw new ArgumentException($"{method} is not a count test.", nameof(method)),
    };

    private static DriftOutcome WithP(DriftMethod method, (double Statistic, double PValue) result) =>
        new(method, result.Statistic, result.PValue);

    private static DriftOutcome Distance(DriftMethod method, double distance) => new(method, distance, null);

    private static void RejectAuto(DriftMethod method)
    {
        if (method == DriftMethod.Auto)
        {
            throw new ArgumentException("DriftMethod.Auto must be resolved (DefaultMethodSelector.Select) before running a test.", nameof(method));
        }
    }

    private static void CheckSample(ReadOnlySpan<double> sample, string name)
    {
        if (sample.IsEmpty)
        {
            throw new ArgumentException($"The {name} sample is empty; a drift test needs at least one non-missing value in each sample.", name);
        }

        foreach (double v in sample)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"The {name} sample holds {v}; remove NaN and infinite values before testing (they are data-quality issues, not drift).", name);
            }
        }
    }

    private static void CheckCounts(ReadOnlySpan<double> counts, string name)
    {
        double total = 0;
        foreach (double v in counts)
        {
            if (!double.IsFinite(v) || v < 0)
            {
                throw new ArgumentException($"The {name} vector holds {v}; counts must be finite and non-negative.", name);
            }

            total += v;
        }

        if (total <= 0)
        {
            throw new ArgumentException($"The {name} vector sums to 0; a drift test needs at least one observation in each sample.", name);
        }
    }
}
