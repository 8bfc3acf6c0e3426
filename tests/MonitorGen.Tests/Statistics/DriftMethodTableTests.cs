using System;
using System.Linq;
using MonitorGen.DriftMethods;
using MonitorGen.Statistics;

namespace MonitorGen.Tests.Statistics;

/// <summary>
/// The one table of drift-method facts against the enum, against Evidently's defaults, and against what the statistics
/// actually do; the generator's and the CLI's reading of it are checked in their own test projects.
/// </summary>
public sealed class DriftMethodTableTests
{
    public static TheoryData<DriftMethod> Methods() => new(Enum.GetValues<DriftMethod>().Where(m => m != DriftMethod.Auto));

    [Fact]
    public void Every_enum_member_but_Auto_has_one_row_with_its_name_and_value()
    {
        DriftMethod[] members = Enum.GetValues<DriftMethod>();
        Assert.Equal(members.Length, DriftMethodTable.Count);
        Assert.Null(DriftMethodTable.Of((int)DriftMethod.Auto));
        Assert.Null(DriftMethodTable.Of(members.Length));
        Assert.Equal(members.Where(m => m != DriftMethod.Auto).Select(m => ((int)m, m.ToString())),
            DriftMethodTable.Methods.Select(row => (row.Value, row.Name)));
        Assert.Equal(DriftMethodTable.Methods.Count, DriftMethodTable.Methods.Select(row => row.Id.ToUpperInvariant()).Distinct().Count());
    }

    [Theory]
    [InlineData(DriftMethod.Ks, "ks", 0.05)]
    [InlineData(DriftMethod.ChiSquare, "chisquare", 0.05)]
    [InlineData(DriftMethod.Z, "z", 0.05)]
    [InlineData(DriftMethod.Wasserstein, "wasserstein", 0.1)]
    [InlineData(DriftMethod.JensenShannon, "jensenshannon", 0.1)]
    [InlineData(DriftMethod.Psi, "psi", 0.1)]
    [InlineData(DriftMethod.KlDiv, "kl_div", 0.1)]
    [InlineData(DriftMethod.Hellinger, "hellinger", 0.1)]
    [InlineData(DriftMethod.AndersonDarling, "anderson", 0.1)]
    [InlineData(DriftMethod.CramerVonMises, "cramer_von_mises", 0.1)]
    [InlineData(DriftMethod.MannWhitney, "mannw", 0.05)]
    [InlineData(DriftMethod.TTest, "t_test", 0.05)]
    [InlineData(DriftMethod.EppsSingleton, "es", 0.05)]
    [InlineData(DriftMethod.GTest, "g_test", 0.1)]
    [InlineData(DriftMethod.FisherExact, "fisher_exact", 0.1)]
    [InlineData(DriftMethod.Tvd, "TVD", 0.1)]
    [InlineData(DriftMethod.EnergyDistance, "ed", 0.1)]
    [InlineData(DriftMethod.EmpiricalMmd, "empirical_mmd", 0.1)]
    public void Ids_and_default_thresholds_are_Evidently_s(DriftMethod method, string id, double threshold)
    {
        Assert.Equal(id, DriftMethodCatalog.IdOf(method));
        Assert.True(DriftMethodCatalog.TryParseId(" " + id.ToUpperInvariant() + " ", out DriftMethod parsed));
        Assert.Equal(method, parsed);
        Assert.Equal(threshold, DriftMethodCatalog.DefaultThreshold(method));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void The_score_kind_is_what_the_statistic_returns(DriftMethod method)
    {
        // Two values for the binary-only methods; spread values for the others (es needs more than four).
        var random = new Random(3);
        bool binary = DriftMethodTable.Of((int)method)!.Inputs == DriftMethodInputs.BinaryOnly;
        double Value() => binary ? random.Next(2) : Math.Round(random.NextDouble() * 20, 1);
        double[] reference = Enumerable.Range(0, 60).Select(_ => Value()).ToArray();
        double[] current = Enumerable.Range(0, 40).Select(_ => Value()).ToArray();
        DriftOutcome outcome = DriftStatistics.Numerical(method, reference, current);
        Assert.Equal(DriftMethodCatalog.ScoreKindOf(method) == DriftScoreKind.PValue, outcome.PValue is not null);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Categorical_support_is_what_the_count_statistics_accept(DriftMethod method)
    {
        double[] reference = [30, 20];
        double[] current = [15, 25];
        bool runs;
        try
        {
            DriftStatistics.Counts(method, reference, current);
            runs = true;
        }
        catch (ArgumentException)
        {
            runs = false;
        }

        Assert.Equal(DriftMethodCatalog.SupportsCategorical(method), runs);
        Assert.Equal(DriftMethodTable.Of((int)method)!.Inputs != DriftMethodInputs.NumericalOnly, runs);
    }

    [Fact]
    public void Auto_and_undefined_values_are_refused()
    {
        Assert.Throws<ArgumentException>(() => DriftMethodCatalog.IdOf(DriftMethod.Auto));
        Assert.Throws<ArgumentException>(() => DriftMethodCatalog.ScoreKindOf(DriftMethod.Auto));
        Assert.Throws<ArgumentException>(() => DriftMethodCatalog.DefaultThreshold((DriftMethod)99));
        Assert.False(DriftMethodCatalog.SupportsCategorical((DriftMethod)99));
        Assert.False(DriftMethodCatalog.TryParseId("nope", out _));
    }
}
