using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MonitorGen.Statistics;

namespace MonitorGen.Tests.Statistics;

/// <summary>Every method against the SciPy fixtures, one test per method id, naming each failing case.</summary>
public sealed class SciPyAgreementTests
{
    public static TheoryData<string> DeterministicMethods => new()
    {
        "ks", "chisquare", "z", "wasserstein", "jensenshannon", "psi", "kl_div", "hellinger", "anderson",
        "cramer_von_mises", "mannw", "t_test", "es", "g_test", "fisher_exact", "ed",
    };

    public static TheoryData<string> PermutationMethods => new() { "TVD", "empirical_mmd" };

    [Theory]
    [MemberData(nameof(DeterministicMethods))]
    public void Matches_SciPy(string methodId)
    {
        List<string> failures = [];
        int checkedCases = 0;
        foreach (FixtureCase fixture in DriftFixtures.Current.CasesFor(methodId))
        {
            checkedCases++;
            string? failure = Check(fixture, (outcome, f) =>
            {
                // Sums with cancellation (distances near 0) are compared with an absolute floor of 1e-14;
                // z's p = 2(1 − Φ(|z|)) is Evidently's formula and is only resolved to one ulp of 1; SciPy's asymptotic
                // Cramér–von Mises p = 1 − F(T) is a subtraction too, so it has an absolute, not a relative, resolution.
                double statAbs = 1e-14;
                double pAbs = methodId switch { "z" => 1e-15, "cramer_von_mises" => 1e-14, _ => 0 };
                List<string> problems = [];
                if (!Tolerance.Close(outcome.Statistic, f.Statistic!.Value, statAbs))
                {
                    problems.Add(Describe("statistic", outcome.Statistic, f.Statistic.Value));
                }

                if (f.PValue is double p && !(outcome.PValue is double actual && Tolerance.Close(actual, p, pAbs)))
                {
                    problems.Add(Describe("p-value", outcome.PValue ?? double.NaN, p));
                }

                if (f.PValue is null && outcome.PValue is not null)
                {
                    problems.Add("expected a distance without p-value");
                }

                return problems.Count == 0 ? null : string.Join("; ", problems);
            });
            if (failure is not null)
            {
                failures.Add($"{fixture}: {failure}");
            }
        }

        Assert.True(checkedCases > 0, $"No fixture cases for {methodId}.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedCases} {methodId} cases differ from SciPy {DriftFixtures.Current.SciPy}:\n" + string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(PermutationMethods))]
    public void Agrees_with_SciPy_within_Monte_Carlo_error(string methodId)
    {
        List<string> failures = [];
        int checkedCases = 0;
        foreach (FixtureCase fixture in DriftFixtures.Current.CasesFor(methodId))
        {
            checkedCases++;
            string? failure = Check(fixture, (outcome, f) =>
            {
                List<string> problems = [];
                if (!Tolerance.Close(outcome.Statistic, f.Statistic!.Value, 1e-14))
                {
                    problems.Add(Describe("statistic", outcome.Statistic, f.Statistic.Value));
                }

                double expected = f.PValue!.Value;
                double actualP = outcome.PValue ?? double.NaN;

                // Both are estimates from 1000 permutations; the binomial spread is taken at their mean so that p = 0 on one side
                // still allows the other side's Monte Carlo error.
                double mean = (expected + actualP) / 2;
                double allowed = (4 * Math.Sqrt(mean * (1 - mean) / 1000)) + (1.0 / 1000);
                double actual = outcome.PValue ?? double.NaN;
                if (!(Math.Abs(actual - expected) <= allowed))
                {
                    problems.Add($"p-value {actual} vs SciPy-defined {expected} (allowed ±{allowed:G3})");
                }

                return problems.Count == 0 ? null : string.Join("; ", problems);
            });
            if (failure is not null)
            {
                failures.Add($"{fixture}: {failure}");
            }
        }

        Assert.True(checkedCases > 0, $"No fixture cases for {methodId}.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedCases} {methodId} cases disagree:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Kolmogorov_distribution_matches_kstwo_sf()
    {
        List<string> failures = [];
        foreach (KolmogorovPoint point in DriftFixtures.Current.KolmogorovSf)
        {
            double actual = KolmogorovDistribution.Sf(point.N, point.X);
            if (!Tolerance.Close(actual, point.Sf))
            {
                failures.Add($"n={point.N} x={point.X.ToString("R", CultureInfo.InvariantCulture)} (n·x²={point.N * point.X * point.X:G4}): {Describe("sf", actual, point.Sf)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {DriftFixtures.Current.KolmogorovSf.Count} kstwo.sf points differ:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Multiple_testing_matches_reference()
    {
        foreach (MultipleTestingCase c in DriftFixtures.Current.MultipleTesting)
        {
            double[] bonferroni = new double[c.P.Length];
            double[] bh = new double[c.P.Length];
            MultipleTesting.Bonferroni(c.P, bonferroni);
            MultipleTesting.BenjaminiHochberg(c.P, bh);
            for (int i = 0; i < c.P.Length; i++)
            {
                Assert.True(Tolerance.Close(bonferroni[i], c.Bonferroni[i]), $"{c.Name}[{i}] Bonferroni: {Describe("adjusted", bonferroni[i], c.Bonferroni[i])}");
                Assert.True(Tolerance.Close(bh[i], c.BenjaminiHochberg[i]), $"{c.Name}[{i}] BH: {Describe("adjusted", bh[i], c.BenjaminiHochberg[i])}");
            }
        }
    }

    private static string? Check(FixtureCase fixture, Func<DriftOutcome, FixtureCase, string?> compare)
    {
        Assert.True(DriftMethodCatalog.TryParseId(fixture.Method, out DriftMethod method), $"Unknown id {fixture.Method}");
        SamplePair data = fixture.Kind == "counts" ? DriftFixtures.Current.Counts[fixture.Sample] : DriftFixtures.Current.Samples[fixture.Sample];
        DriftOutcome outcome;
        try
        {
            outcome = fixture.Kind == "counts"
                ? DriftStatistics.Counts(method, data.Reference, data.Current)
                : DriftStatistics.Numerical(method, data.Reference, data.Current);
        }
        catch (ArgumentException e)
        {
            return fixture.Error is not null ? null : $"threw {e.Message}";
        }

        if (fixture.Error is not null)
        {
            return $"SciPy fails ({fixture.Error}) but got statistic {outcome.Statistic}, p {outcome.PValue}; expected ArgumentException";
        }

        return compare(outcome, fixture);
    }

    private static string Describe(string what, double actual, double expected) =>
        string.Create(CultureInfo.InvariantCulture, $"{what} {actual:R} vs SciPy {expected:R} (rel. error {Tolerance.RelativeError(actual, expected):G3})");
}
