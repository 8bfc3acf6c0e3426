using System;
using System.Linq;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MonitorGen.Sketches;
using MonitorGen.Tests.Records;

namespace MonitorGen.Tests.Monitoring;

/// <summary>
/// Categories that training saw beyond the category cap fall into "other" and are not data-quality events; only values
/// training never saw are.
/// </summary>
public sealed class CategoriesBeyondTheCapTests
{
    // 300 equally common browsers against the default cap of 100: two thirds of the training rows fall into "other".
    private static readonly Visit[] Training = Enumerable.Range(0, 3_000).Select(i => new Visit($"city{i % 2}", $"browser-{i % 300}")).ToArray();

    [Fact]
    public void The_training_rows_themselves_are_not_flagged_and_the_model_stays_healthy()
    {
        ReferenceProfile profile = Visit.FitProfile(Training);
        using var monitor = Visit.CreateMonitor(profile);
        foreach (Visit row in Training)
        {
            monitor.Observe(row);
        }

        DriftReport report = monitor.CheckDrift();
        FeatureDriftResult browser = report.Features.Single(f => f.Feature == nameof(Visit.Browser));

        Assert.Equal(100, profile.Features.Single(f => f.Name == nameof(Visit.Browser)).Categories.Length);
        Assert.Equal(0, browser.UnseenCategory);
        Assert.Equal(0, report.RowsWithIssues);
        Assert.Equal(HealthStatus.Healthy, new ModelHealthCheck(monitor).Evaluate().Status);
    }

    [Fact]
    public void A_value_training_never_saw_is_still_unseen()
    {
        using var monitor = Visit.CreateMonitor(Visit.FitProfile(Training));
        monitor.Observe(new Visit("city0", "browser-from-the-future"));
        monitor.Observe(new Visit("city-never-seen", "browser-7"));

        DriftReport report = monitor.CheckDrift();

        Assert.Equal(1, report.Features.Single(f => f.Feature == nameof(Visit.Browser)).UnseenCategory);
        Assert.Equal(1, report.Features.Single(f => f.Feature == nameof(Visit.City)).UnseenCategory);
    }

    [Fact]
    public void Numbers_and_enum_members_beyond_the_cap_are_seen_too()
    {
        // Rooms is capped at 3 categories; training has 6 distinct room counts.
        var rows = Enumerable.Range(0, 600).Select(i => new Listing(1 + (i % 5), i % 6)).ToArray();
        using var monitor = Listing.CreateMonitor(Listing.FitProfile(rows));
        foreach (Listing row in rows)
        {
            monitor.Observe(row);
        }

        monitor.Observe(new Listing(3, 42));

        Assert.Equal(1, monitor.CheckDrift().Features.Single(f => f.Feature == nameof(Listing.Rooms)).UnseenCategory);
    }

    [Fact]
    public void The_filters_false_positive_rate_is_within_its_stated_one_percent()
    {
        // A false positive lets a never-seen value pass as seen. Over 20,000 never-seen names against filters of 5,000
        // names, the observed rate must be at most 1 % + 3 standard errors.
        var random = new Random(7);
        const int Probes = 20_000;
        int falsePositives = 0;
        for (int filter = 0; filter < 4; filter++)
        {
            string[] names = Enumerable.Range(0, 5_000).Select(i => $"seen-{filter}-{i}-{random.Next()}").ToArray();
            SeenCategoryFilter built = SeenCategoryFilter.Build(names, Array.Empty<double>());
            Assert.True(SeenCategoryFilter.TryParse(built.ToString(), out SeenCategoryFilter? parsed));
            Assert.All(names, n => Assert.True(parsed!.MightContain(n)));
            for (int i = 0; i < Probes / 4; i++)
            {
                falsePositives += parsed!.MightContain($"never-{filter}-{i}") ? 1 : 0;
            }
        }

        double rate = (double)falsePositives / Probes;
        double bound = 0.01 + (3 * Math.Sqrt(0.01 * 0.99 / Probes));
        Assert.True(rate <= bound, $"false-positive rate {rate:P2} above {bound:P2}");
        Assert.True(falsePositives > 0, "the probes never reached the filter's error: the test cannot tell anything");
    }
}
