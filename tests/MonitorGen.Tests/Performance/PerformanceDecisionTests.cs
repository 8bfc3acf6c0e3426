using System;
using System.Linq;
using MonitorGen.Performance;

namespace MonitorGen.Tests.Performance;

/// <summary>
/// Performance health's decision, over seeded windows: at a true performance exactly the margin below the reference it
/// alarms at most α of the time whatever the window's size (the false-alarm rate against its 99.9 % interval), and it
/// finds a real drop.
/// </summary>
public sealed class PerformanceDecisionTests
{
    private const double Alpha = 0.05, Reference = 0.8, Margin = 0.05, Floor = 0.5;
    private const int Windows = 20_000;

    [Theory]
    [InlineData(3)]
    [InlineData(20)]
    [InlineData(100)]
    [InlineData(1000)]
    public void At_the_margin_accuracy_alarms_at_most_alpha_of_the_time(int labelled)
    {
        var random = new Random(labelled);
        int alarms = 0;
        for (int w = 0; w < Windows; w++)
        {
            int correct = Enumerable.Range(0, labelled).Count(_ => random.NextDouble() < Reference - Margin);
            alarms += PerformanceDecision.Accuracy(correct, labelled, Reference, Margin, Floor, Alpha) != PerformanceStatus.Healthy ? 1 : 0;
        }

        double rate = (double)alarms / Windows;
        Assert.True(rate <= Alpha + (3.3 * Math.Sqrt(Alpha * (1 - Alpha) / Windows)), $"{labelled} labels: false alarms {rate:P2} against α = {Alpha:P0}");
    }

    [Fact]
    public void A_real_drop_is_found_and_a_collapse_below_the_floor_is_unhealthy()
    {
        var random = new Random(7);
        int Correct(int n, double p) => Enumerable.Range(0, n).Count(_ => random.NextDouble() < p);
        int found = Enumerable.Range(0, 1000).Count(_ => PerformanceDecision.Accuracy(Correct(500, 0.65), 500, Reference, Margin, Floor, Alpha) == PerformanceStatus.Degraded);
        Assert.True(found >= 990, $"found {found} of 1000");
        int unhealthy = Enumerable.Range(0, 1000).Count(_ => PerformanceDecision.Accuracy(Correct(200, 0.3), 200, Reference, Margin, Floor, Alpha) == PerformanceStatus.Unhealthy);
        Assert.True(unhealthy >= 990, $"unhealthy {unhealthy} of 1000");
        Assert.Equal(PerformanceStatus.Healthy, PerformanceDecision.Accuracy(0, 0, Reference, Margin, Floor, Alpha));
    }

    [Theory]
    [InlineData(0L, 10L)]
    [InlineData(0L, 1000L)]
    [InlineData(10L, 10L)]
    public void The_exact_bound_has_its_closed_forms_at_the_ends(long correct, long labelled)
    {
        double expected = correct == labelled ? 1 : 1 - Math.Pow(Alpha, 1.0 / labelled);
        Assert.Equal(expected, PerformanceDecision.UpperBound(correct, labelled, Alpha), 1e-12);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(200)]
    public void At_the_margin_a_mean_error_alarms_at_most_alpha_of_the_time(int count)
    {
        // Absolute errors, exponential (right-skewed, as errors are), with a true mean exactly the margin above the reference.
        const double ReferenceError = 2, ErrorMargin = 0.5;
        var random = new Random(count);
        int alarms = 0;
        for (int w = 0; w < Windows; w++)
        {
            double[] errors = Enumerable.Range(0, count).Select(_ => -(ReferenceError + ErrorMargin) * Math.Log(1 - random.NextDouble())).ToArray();
            double mean = errors.Average();
            double sd = Math.Sqrt(errors.Sum(e => (e - mean) * (e - mean)) / (count - 1));
            alarms += PerformanceDecision.MeanError(count, mean, sd, ReferenceError, ErrorMargin, ceiling: 10, Alpha) != PerformanceStatus.Healthy ? 1 : 0;
        }

        double rate = (double)alarms / Windows;
        Assert.True(rate <= Alpha + (3.3 * Math.Sqrt(Alpha * (1 - Alpha) / Windows)), $"{count} errors: false alarms {rate:P2} against α = {Alpha:P0}");
    }

    [Fact]
    public void Bad_settings_are_refused_and_too_few_errors_are_not_judged()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PerformanceDecision.Accuracy(1, 2, Reference, Margin, Floor, alpha: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PerformanceDecision.Accuracy(1, 2, Reference, margin: -1, Floor, Alpha));
        Assert.Equal(PerformanceStatus.Healthy, PerformanceDecision.MeanError(2, 100, 1, 1, 0.1, 5, Alpha));
        Assert.Equal(PerformanceStatus.Healthy, PerformanceDecision.MeanError(50, 100, 0, 1, 0.1, 5, Alpha));
        Assert.Equal(PerformanceStatus.Unhealthy, PerformanceDecision.MeanError(50, 100, 1, 1, 0.1, 5, Alpha));
    }
}
