using System.Linq;
using MonitorGen.Tests.Records;

namespace MonitorGen.Tests.Profiles;

/// <summary><c>[DriftTest(MaxCategories = n)]</c> reaches the schema and caps the profile's category table.</summary>
public sealed class CategoryCapTests
{
    private static readonly Visit[] Rows =
    {
        new("Oslo", "a"), new("Oslo", "b"), new("Oslo", "c"), new("Rome", "d"), new("Rome", "e"), new("Lima", "f"), new("Kyiv", "g"),
    };

    [Fact]
    public void The_declared_cap_is_in_the_schema()
    {
        Assert.Equal(2, VisitMonitor.DeclaredSchema.Features.Single(f => f.Name == nameof(Visit.City)).MaxCategories);
        Assert.Equal(0, VisitMonitor.DeclaredSchema.Features.Single(f => f.Name == nameof(Visit.Browser)).MaxCategories);
    }

    [Fact]
    public void The_declared_cap_wins_over_the_fit_options()
    {
        ReferenceProfile profile = Visit.FitProfile(Rows, new FitOptions { MaxCategories = 3 });

        FeatureProfile city = profile.Features.Single(f => f.Name == nameof(Visit.City));
        Assert.Equal(new[] { "Oslo", "Rome" }, city.Categories);
        Assert.Equal(new long[] { 3, 2 }, city.CategoryCounts);
        Assert.Equal(2, city.OtherCount);
        Assert.Equal(4, city.DistinctCount);

        FeatureProfile browser = profile.Features.Single(f => f.Name == nameof(Visit.Browser));
        Assert.Equal(3, browser.Categories.Length);
        Assert.Equal(4, browser.OtherCount);
    }

    [Fact]
    public void A_cap_below_one_or_on_a_numerical_feature_is_refused()
    {
        FeatureSchema categorical = FeatureSchema.Categorical("c", DriftMethod.Auto, double.NaN);
        Assert.Throws<System.ArgumentOutOfRangeException>(() => categorical.WithMaxCategories(0));
        FeatureSchema numerical = FeatureSchema.Numerical("n", true, DriftMethod.Auto, double.NaN, double.NegativeInfinity, double.PositiveInfinity);
        Assert.Throws<System.InvalidOperationException>(() => numerical.WithMaxCategories(5));
    }
}
