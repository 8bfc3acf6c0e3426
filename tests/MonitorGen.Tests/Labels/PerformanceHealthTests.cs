using System;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using MonitorGen.Labels;
using MonitorGen.Tests.Records;

namespace MonitorGen.Tests.Labels;

/// <summary>
/// Performance health (issue 12, §5): the profile stores the reference performance of labelled held-out rows, and the
/// health check judges the newest labelled window against it with a stated false-alarm rate.
/// </summary>
public sealed class PerformanceHealthTests
{
    private static readonly Forecasted[] Training = [.. Enumerable.Range(0, 300).Select(i => new Forecasted { Sky = (Sky)(i % 3), Confidence = 0.8 })];

    // Held-out rows right 9 times in 10: the reference accuracy is 0.9.
    private static readonly (Forecasted, Sky)[] HeldOut = [.. Enumerable.Range(0, 100).Select(i =>
        (new Forecasted { Sky = (Sky)(i % 3), Confidence = 0.8 }, i % 10 == 0 ? (Sky)((i + 1) % 3) : (Sky)(i % 3)))];

    [Fact]
    public void Fitting_with_labelled_held_out_rows_stores_the_reference_performance_and_it_survives_a_round_trip()
    {
        ReferenceProfile profile = Forecasted.FitProfile(Training, HeldOut);
        Assert.Equal((0.9, 100L), (profile.ReferencePerformance!.Value, profile.ReferencePerformanceLabels));
        Assert.Null(Forecasted.FitProfile(Training).ReferencePerformance);

        using var stream = new MemoryStream();
        profile.Save(stream);
        stream.Position = 0;
        ReferenceProfile loaded = ReferenceProfile.Load(stream, "memory");
        Assert.Equal(0.9, loaded.ReferencePerformance);

        ReferenceProfile priced = Priced.FitProfile([.. Enumerable.Range(0, 50).Select(i => new Priced { Price = i })],
            [(new Priced { Price = 10 }, 12.0), (new Priced { Price = 20 }, 19.0)]);
        Assert.Equal(1.5, priced.ReferencePerformance!.Value, 12);
    }

    [Fact]
    public void A_held_out_row_that_cannot_be_compared_is_a_clear_error_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => Forecasted.FitProfile(Training, [.. HeldOut.Take(3), (new Forecasted { Sky = Sky.Sun }, (Sky)9)]));
        Assert.Contains("Held-out row 3", error.Message);
        Assert.Throws<InvalidOperationException>(() => Forecasted.FitProfile(Training, Array.Empty<(Forecasted, Sky)>()));
        Assert.Throws<ArgumentException>(() => Priced.FitProfile([new Priced { Price = 1 }], [(new Priced { Price = double.NaN }, 1.0)]));
    }

    [Theory]
    [InlineData("-0.5", "1")]
    [InlineData("0.9", "0")]
    [InlineData("\"NaN\"", "5")]
    public void A_profile_with_a_bad_reference_performance_is_refused_at_load(string reference, string labels)
    {
        using var stream = new MemoryStream();
        Forecasted.FitProfile(Training).Save(stream);
        string json = System.Text.Encoding.UTF8.GetString(stream.ToArray()).TrimEnd().TrimEnd('}')
            + $", \"referencePerformance\": {reference}, \"referencePerformanceLabels\": {labels} }}";
        var error = Assert.Throws<ProfileException>(() => ReferenceProfile.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "bad.json"));
        Assert.Contains("referencePerformance", error.Message);
    }

    [Fact]
    public void Health_says_degraded_below_the_margin_with_confidence_unhealthy_past_the_limit_and_nothing_on_a_handful_of_labels()
    {
        ReferenceProfile profile = Forecasted.FitProfile(Training, HeldOut);

        // 3 right of 5 (0.6): too few labels to say the accuracy is below 0.85.
        Assert.Equal("Healthy", PerformanceStatusOf(profile, labels: 5, correct: 3));
        // 60 right of 100: below 0.85 beyond doubt.
        Assert.Equal("Degraded", PerformanceStatusOf(profile, labels: 100, correct: 60));
        Assert.Equal("Unhealthy", PerformanceStatusOf(profile, labels: 100, correct: 40, unhealthyBelow: 0.6));
        Assert.Equal("Healthy", PerformanceStatusOf(profile, labels: 100, correct: 90));
    }

    /// <summary>
    /// Over 1,000 seeded windows of 40 labels at exactly the margin (true accuracy 0.85 against a reference of 0.9), the
    /// health check's performance verdict is Degraded in at most α = 5 % of them: the observed rate's 99.9 % Wilson interval
    /// reaches below α. At a true accuracy of 0.6 it is Degraded in at least 90 % (the exact power at 40 labels is about 95 %).
    /// </summary>
    [Theory]
    [InlineData(0.85, false)]
    [InlineData(0.60, true)]
    public void Over_many_windows_the_performance_verdict_keeps_its_false_alarm_rate_and_finds_a_real_drop(double trueAccuracy, bool realDrop)
    {
        ReferenceProfile profile = Forecasted.FitProfile(Training, HeldOut);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        using var monitor = new ForecastedMonitor(profile, new MonitorOptions { TimeProvider = clock, MinimumWindowSize = 1_000_000 });
        var random = new Random(1212);
        const int Windows = 1000, Labels = 40;
        int degraded = 0;
        for (int w = 0; w < Windows; w++)
        {
            for (int i = 0; i < Labels; i++)
            {
                var row = new Forecasted { Sky = (Sky)(i % 3), Confidence = 0.8 };
                string id = monitor.ObservePrediction(row)!;
                Sky actual = random.NextDouble() < trueAccuracy ? row.Sky : (Sky)((i + 1) % 3);
                Assert.Equal(LabelOutcome.Matched, monitor.RecordLabel(id, actual));
            }

            monitor.CheckDrift();
            HealthCheckResult health = new ModelHealthCheck(monitor).Evaluate();
            degraded += (string)health.Data["performance.status"] == "Degraded" ? 1 : 0;
        }

        double rate = (double)degraded / Windows;
        (double lower, double upper) = Wilson(degraded, Windows, 3.29);
        string observed = $"Degraded in {degraded} of {Windows} windows ({rate:P1}, 99.9 % interval {lower:P1}–{upper:P1})";
        TestContext.Current.TestOutputHelper?.WriteLine(observed);
        Assert.True(realDrop ? rate >= 0.9 : lower <= 0.05, observed);
    }

    private static string PerformanceStatusOf(ReferenceProfile profile, int labels, int correct, double? unhealthyBelow = null)
    {
        using var monitor = new ForecastedMonitor(profile, new MonitorOptions { PerformanceUnhealthyLimit = unhealthyBelow });
        for (int i = 0; i < labels; i++)
        {
            string id = monitor.ObservePrediction(new Forecasted { Sky = Sky.Rain })!;
            monitor.RecordLabel(id, i < correct ? Sky.Rain : Sky.Sun);
        }

        monitor.CheckDrift();
        HealthCheckResult health = new ModelHealthCheck(monitor).Evaluate();
        string status = (string)health.Data["performance.status"];
        if (status != "Healthy")
        {
            Assert.Equal(status, health.Status.ToString());
            Assert.Contains("confidence", health.Description);
        }

        return status;
    }

    private static (double Lower, double Upper) Wilson(int successes, int trials, double z)
    {
        double p = (double)successes / trials, z2 = z * z;
        double centre = (p + (z2 / (2 * trials))) / (1 + (z2 / trials));
        double half = z * Math.Sqrt((p * (1 - p) / trials) + (z2 / (4.0 * trials * trials))) / (1 + (z2 / trials));
        return (centre - half, centre + half);
    }
}
