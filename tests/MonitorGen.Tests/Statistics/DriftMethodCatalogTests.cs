using System;
using MonitorGen.Statistics;

namespace MonitorGen.Tests.Statistics;

public sealed class DriftMethodCatalogTests
{
    [Theory]
    [InlineData(DriftMethod.Ks, "ks", true, 0.05)]
    [InlineData(DriftMethod.ChiSquare, "chisquare", true, 0.05)]
    [InlineData(DriftMethod.Z, "z", true, 0.05)]
    [InlineData(DriftMethod.Wasserstein, "wasserstein", false, 0.1)]
    [InlineData(DriftMethod.JensenShannon, "jensenshannon", false, 0.1)]
    [InlineData(DriftMethod.Psi, "psi", false, 0.1)]
    [InlineData(DriftMethod.KlDiv, "kl_div", false, 0.1)]
    [InlineData(DriftMethod.Hellinger, "hellinger", false, 0.1)]
    [InlineData(DriftMethod.AndersonDarling, "anderson", true, 0.1)]
    [InlineData(DriftMethod.CramerVonMises, "cramer_von_mises", true, 0.1)]
    [InlineData(DriftMethod.MannWhitney, "mannw", true, 0.05)]
    [InlineData(DriftMethod.TTest, "t_test", true, 0.05)]
    [InlineData(DriftMethod.EppsSingleton, "es", true, 0.05)]
    [InlineData(DriftMethod.GTest, "g_test", true, 0.1)]
    [InlineData(DriftMethod.FisherExact, "fisher_exact", true, 0.1)]
    [InlineData(DriftMethod.Tvd, "TVD", true, 0.1)]
    [InlineData(DriftMethod.EnergyDistance, "ed", false, 0.1)]
    [InlineData(DriftMethod.EmpiricalMmd, "empirical_mmd", true, 0.1)]
    public void Describes_every_method(DriftMethod method, string id, bool isPValue, double threshold)
    {
        Assert.Equal(id, DriftMethodCatalog.IdOf(method));
        Assert.True(DriftMethodCatalog.TryParseId(id, out DriftMethod parsed));
        Assert.Equal(method, parsed);
        Assert.True(DriftMethodCatalog.TryParseId(id.ToUpperInvariant(), out parsed));
        Assert.Equal(method, parsed);
        Assert.Equal(isPValue ? DriftScoreKind.PValue : DriftScoreKind.Distance, DriftMethodCatalog.ScoreKindOf(method));
        Assert.Equal(threshold, DriftMethodCatalog.DefaultThreshold(method));
        Assert.True(DriftMethodCatalog.SupportsNumerical(method) || DriftMethodCatalog.SupportsCategorical(method));
    }

    [Fact]
    public void Unknown_ids_do_not_parse()
    {
        Assert.False(DriftMethodCatalog.TryParseId("kolmogorov", out DriftMethod method));
        Assert.Equal(DriftMethod.Auto, method);
        Assert.False(DriftMethodCatalog.TryParseId("", out _));
    }

    [Fact]
    public void Auto_has_no_id_kind_or_threshold()
    {
        Assert.Throws<ArgumentException>(() => DriftMethodCatalog.IdOf(DriftMethod.Auto));
        Assert.Throws<ArgumentException>(() => DriftMethodCatalog.ScoreKindOf(DriftMethod.Auto));
        Assert.Throws<ArgumentException>(() => DriftMethodCatalog.DefaultThreshold(DriftMethod.Auto));
        Assert.False(DriftMethodCatalog.SupportsNumerical(DriftMethod.Auto));
        Assert.False(DriftMethodCatalog.SupportsCategorical(DriftMethod.Auto));
    }

    [Theory]
    [InlineData(DriftMethod.Ks, 0.05, 0.05, true)]       // ks: p <= t
    [InlineData(DriftMethod.Ks, 0.0500001, 0.05, false)]
    [InlineData(DriftMethod.ChiSquare, 0.05, 0.05, false)] // other p-values: p < t
    [InlineData(DriftMethod.ChiSquare, 0.0499, 0.05, true)]
    [InlineData(DriftMethod.Tvd, 0.1, 0.1, false)]
    [InlineData(DriftMethod.Wasserstein, 0.1, 0.1, true)]  // distances: d >= t
    [InlineData(DriftMethod.Psi, 0.0999, 0.1, false)]
    [InlineData(DriftMethod.EnergyDistance, 0.1, 0.1, false)] // ed: d > t
    [InlineData(DriftMethod.EnergyDistance, 0.1001, 0.1, true)]
    public void Applies_Evidently_drift_rule(DriftMethod method, double score, double threshold, bool drift) =>
        Assert.Equal(drift, DriftMethodCatalog.IsDrift(method, score, threshold));

    [Fact]
    public void Categorical_support_matches_the_spec()
    {
        Assert.True(DriftMethodCatalog.SupportsCategorical(DriftMethod.ChiSquare));
        Assert.True(DriftMethodCatalog.SupportsCategorical(DriftMethod.Tvd));
        Assert.False(DriftMethodCatalog.SupportsCategorical(DriftMethod.Ks));
        Assert.False(DriftMethodCatalog.SupportsCategorical(DriftMethod.EnergyDistance));
    }

    [Fact]
    public void Outcome_score_is_the_p_value_or_the_distance()
    {
        Assert.Equal(0.03, new DriftOutcome(DriftMethod.Ks, 0.4, 0.03).Score);
        Assert.Equal(0.4, new DriftOutcome(DriftMethod.Wasserstein, 0.4, null).Score);
    }
}
