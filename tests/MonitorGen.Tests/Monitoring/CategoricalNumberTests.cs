using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MathNet.Numerics.Distributions;
using MonitorGen.Tests.Records;

using MonitorGen.Tests.Support;

namespace MonitorGen.Tests.Monitoring;

/// <summary>A number marked <c>[DriftTest(Categorical = true)]</c>, fitted and observed through generated code.</summary>
public sealed class CategoricalNumberTests
{
    // Ratings 1..5: a mostly positive reference and a flatter current window.
    private static readonly (double Rating, int Count)[] ReferenceRatings = [(1, 50), (2, 100), (3, 200), (4, 400), (5, 250)];
    private static readonly (double Rating, int Count)[] ShiftedRatings = [(1, 60), (2, 80), (3, 100), (4, 100), (5, 60)];

    // Rooms 1..6 with a cap of 3: 5, 6 and 1 share the "other" slot.
    private static readonly (double Rooms, int Count)[] ReferenceRooms = [(1, 50), (2, 300), (3, 400), (4, 150), (5, 60), (6, 40)];

    private static readonly Listing[] Reference = Rows(ReferenceRatings, ReferenceRooms);
    private static readonly ReferenceProfile Profile = Listing.FitProfile(Reference);

    [Fact]
    public void Fit_names_each_value_by_its_round_trip_form_and_honours_the_cap()
    {
        FeatureProfile rating = Profile.Features.Single(f => f.Name == nameof(Listing.Rating));
        Assert.Equal(FeatureKind.Categorical, rating.Kind);
        Assert.Equal(DriftMethod.ChiSquare, rating.Method);
        Assert.Equal(["4", "5", "3", "2", "1"], rating.Categories);
        Assert.Equal([400L, 250, 200, 100, 50], rating.CategoryCounts);
        Assert.Equal(0, rating.OtherCount);

        FeatureProfile rooms = Profile.Features.Single(f => f.Name == nameof(Listing.Rooms));
        Assert.Equal(["3", "2", "4"], rooms.Categories);
        Assert.Equal(50 + 60 + 40, rooms.OtherCount);
        Assert.Equal(6, rooms.DistinctCount);
    }

    [Fact]
    public void Category_names_are_culture_invariant_round_trips_and_NaN_is_invalid()
    {
        CultureInfo culture = CultureInfo.CurrentCulture;
        try
        {
            // A comma decimal separator must not leak into the profile.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            double awkward = 0.1 + 0.2;
            var rows = new[] { new Listing(awkward, -0.0), new Listing(1.5, 0.0), new Listing(double.NaN, double.PositiveInfinity), new Listing(1.5, null) };
            ReferenceProfile profile = Listing.FitProfile(rows);

            FeatureProfile rating = profile.Features.Single(f => f.Name == nameof(Listing.Rating));
            Assert.Equal(["1.5", "0.30000000000000004"], rating.Categories);
            Assert.Equal(awkward, double.Parse(rating.Categories[1], CultureInfo.InvariantCulture));
            Assert.Equal(1, rating.Invalid);
            FeatureProfile rooms = profile.Features.Single(f => f.Name == nameof(Listing.Rooms));
            Assert.Equal(["0"], rooms.Categories); // -0 and 0 are one category
            Assert.Equal([2L], rooms.CategoryCounts);
            Assert.Equal(1, rooms.Invalid);
            Assert.Equal(1, rooms.Missing);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Observe_allocates_nothing_for_seen_unseen_and_non_finite_values()
    {
        using var monitor = Listing.CreateMonitor(Profile);
        Listing[] rows = [.. Reference.Take(200), new Listing(4.5, 7), new Listing(double.NaN, null), new Listing(9, double.NegativeInfinity)];
        foreach (Listing row in rows)
        {
            monitor.Observe(row);
        }

        Assert.Equal(0, Allocations.LeastOf(() =>
        {
            for (int i = 0; i < 20; i++)
            {
                foreach (Listing row in rows)
                {
                    monitor.Observe(row);
                }
            }
        }));
    }

    [Fact]
    public void Unseen_non_finite_and_out_of_range_values_are_data_quality_events()
    {
        using var monitor = Listing.CreateMonitor(Profile);
        foreach (Listing row in Reference.Take(100))
        {
            monitor.Observe(row);
        }

        monitor.Observe(new Listing(4.5, 3));            // unseen, in range
        monitor.Observe(new Listing(9, 3));              // unseen and out of range
        monitor.Observe(new Listing(double.NaN, 3));     // non-finite: not counted at all
        monitor.Observe(new Listing(double.PositiveInfinity, 3));

        FeatureDriftResult rating = monitor.CheckDrift().Features.Single(f => f.Feature == nameof(Listing.Rating));
        Assert.Equal(FeatureKind.Categorical, rating.Kind);
        Assert.Equal(2, rating.UnseenCategory);
        Assert.Equal(1, rating.OutOfRange);
        Assert.Equal(2, rating.NonFinite);
        Assert.Equal(102, rating.CurrentCount);
    }

    [Fact]
    public void A_shifted_distribution_drifts_with_the_chi_square_p_value_of_the_counts()
    {
        Listing[] current = Rows(ShiftedRatings, ReferenceRooms.Select(r => (r.Rooms, r.Count / 2)).ToArray());

        // Evidently's decision, on the p-value SciPy gives.
        using var monitor = Listing.CreateMonitor(Profile, new MonitorOptions { Thresholds = MonitorGen.Statistics.ThresholdMode.Fixed });
        foreach (Listing row in current)
        {
            monitor.Observe(row);
        }

        FeatureDriftResult rating = monitor.CheckDrift().Features.Single(f => f.Feature == nameof(Listing.Rating));

        // Pearson's statistic on the reference counts scaled to the window, computed here from the rows themselves.
        FeatureProfile fitted = Profile.Features.Single(f => f.Name == nameof(Listing.Rating));
        double n = Reference.Length, m = current.Length, statistic = 0;
        foreach (double value in fitted.Categories.Select(c => double.Parse(c, CultureInfo.InvariantCulture)))
        {
            double expected = Reference.Count(r => r.Rating == value) * m / n;
            double observed = current.Count(r => r.Rating == value);
            statistic += (observed - expected) * (observed - expected) / expected;
        }

        double pValue = 1 - ChiSquared.CDF(fitted.Categories.Length - 1, statistic);
        Assert.Equal("chisquare", rating.Method);
        Assert.Equal(statistic, rating.Statistic!.Value, 1e-9);
        Assert.Equal(pValue, rating.PValue!.Value, 1e-12);
        Assert.True(rating.PValue < 0.05 && rating.Drifted);
        Assert.Equal(0, rating.UnseenCategory);
    }

    [Fact]
    public void The_reference_distribution_does_not_drift()
    {
        using var monitor = Listing.CreateMonitor(Profile);
        foreach (Listing row in Rows(ReferenceRatings.Select(r => (r.Rating, r.Count / 2)).ToArray(), ReferenceRooms))
        {
            monitor.Observe(row);
        }

        DriftReport report = monitor.CheckDrift();
        Assert.All(report.Features, f => Assert.False(f.Drifted, report.ToJson()));
        Assert.Equal(1.0, report.Features.Single(f => f.Feature == nameof(Listing.Rating)).PValue!.Value, 12);
    }

    [Fact]
    public void A_profile_whose_categories_are_not_numbers_is_refused()
    {
        using var saved = new MemoryStream();
        Profile.Save(saved);
        string json = Encoding.UTF8.GetString(saved.ToArray()).Replace("\"4\"", "\"four\"", StringComparison.Ordinal);
        ReferenceProfile edited = ReferenceProfile.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "edited.json");

        var error = Assert.Throws<ProfileException>(() => Listing.CreateMonitor(edited));
        Assert.Contains("category 'four', which is not a finite number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_naming_one_number_twice_is_refused()
    {
        using var saved = new MemoryStream();
        Profile.Save(saved);
        string json = Encoding.UTF8.GetString(saved.ToArray()).Replace("\"4\"", "\"5.0\"", StringComparison.Ordinal);
        ReferenceProfile edited = ReferenceProfile.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "edited.json");

        var error = Assert.Throws<ProfileException>(() => Listing.CreateMonitor(edited));
        Assert.Contains("a number already named by another category", error.Message, StringComparison.Ordinal);
    }

    private static Listing[] Rows((double Rating, int Count)[] ratings, (double Rooms, int Count)[] rooms)
    {
        // Interleaved, so that any prefix of the rows has both features.
        var ratingValues = ratings.SelectMany(r => Enumerable.Repeat(r.Rating, r.Count)).ToArray();
        var roomValues = rooms.SelectMany(r => Enumerable.Repeat(r.Rooms, r.Count)).ToArray();
        var rows = new List<Listing>();
        for (int i = 0; i < Math.Max(ratingValues.Length, roomValues.Length); i++)
        {
            rows.Add(new Listing(ratingValues[i % ratingValues.Length], roomValues[i % roomValues.Length]));
        }

        return [.. rows];
    }
}
