using System;
using System.Collections.Generic;
using System.Linq;
using MonitorGen.Labels;

namespace MonitorGen.Tests.Labels;

/// <summary>
/// The hand-label sampler: its budget spent in expectation for each strategy, the inclusion probability of each request,
/// and, over seeded runs, the weighted accuracy unbiased where the plain average of the labelled rows is not.
/// </summary>
public sealed class LabelRequestSamplerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    // One period of `count` predictions spread over the hour: classes A/B/C at 70/20/10 %, confidence U(0.5, 1), and a
    // calibrated model, right with probability equal to its confidence.
    private static IEnumerable<(string Id, string Class, double Confidence, bool Correct, DateTimeOffset At)> Traffic(Random random, int period, int count)
    {
        for (int i = 0; i < count; i++)
        {
            double u = random.NextDouble();
            string predicted = u < 0.7 ? "A" : u < 0.9 ? "B" : "C";
            double confidence = 0.5 + (0.5 * random.NextDouble());
            yield return ($"{period}-{i}", predicted, confidence, random.NextDouble() < confidence, Start + (Hour * period) + (Hour * i / count));
        }
    }

    [Theory]
    [InlineData(nameof(LabelSamplingStrategy.Uniform))]
    [InlineData(nameof(LabelSamplingStrategy.StratifiedByClass))]
    [InlineData(nameof(LabelSamplingStrategy.LowConfidenceFirst))]
    public void Each_strategy_spends_its_budget_in_expectation(string strategyName)
    {
        var strategy = Enum.Parse<LabelSamplingStrategy>(strategyName);
        const double Budget = 90;
        const int Runs = 40, Periods = 10, PerPeriod = 5000;
        var counts = new List<double>();
        var perClass = new Dictionary<string, List<double>> { ["A"] = [], ["B"] = [], ["C"] = [] };
        for (int run = 0; run < Runs; run++)
        {
            var random = new Random(run);
            var sampler = new LabelRequestSampler(Budget, Hour, strategy, expectedVolume: PerPeriod, Start, seed: 1000 + run);
            for (int period = 0; period < Periods; period++)
            {
                var requests = Traffic(random, period, PerPeriod).Select(t => sampler.Offer(t.Id, t.Class, t.Confidence, t.At)).OfType<LabelRequest>().ToArray();
                Assert.All(requests, r => Assert.InRange(r.InclusionProbability, 1e-9, 1));
                // The first period spends by the expected volume; from the second on, by the period before.
                if (period > 0)
                {
                    counts.Add(requests.Length);
                    foreach ((string c, List<double> list) in perClass)
                    {
                        list.Add(requests.Count(r => r.Predicted == c));
                    }
                }
            }
        }

        // Each period's count is a sum of independent draws whose probabilities add up to the budget: variance at most the
        // budget. The mean over 360 periods, within 3.3 standard errors (99.9 %).
        double limit = 3.3 * Math.Sqrt(Budget / counts.Count);
        Assert.InRange(counts.Average(), Budget - limit, Budget + limit);
        if (strategy == LabelSamplingStrategy.StratifiedByClass)
        {
            // A third of the budget to each class, whatever its share of the traffic.
            foreach (List<double> list in perClass.Values)
            {
                Assert.InRange(list.Average(), (Budget / 3) - (3.3 * Math.Sqrt(Budget / 3 / list.Count)), (Budget / 3) + (3.3 * Math.Sqrt(Budget / 3 / list.Count)));
            }
        }
    }

    [Fact]
    public void Weighted_by_their_inclusion_probabilities_hand_labels_estimate_the_accuracy_without_bias_and_unweighted_they_do_not()
    {
        const int Runs = 200, Periods = 5, PerPeriod = 5000;
        var weightedErrors = new List<double>();
        var plainErrors = new List<double>();
        for (int run = 0; run < Runs; run++)
        {
            var random = new Random(50_000 + run);
            var sampler = new LabelRequestSampler(200, Hour, LabelSamplingStrategy.LowConfidenceFirst, expectedVolume: PerPeriod, Start, seed: run);
            var labelled = new List<(bool Correct, double InclusionProbability)>();
            double correct = 0, total = 0;
            for (int period = 0; period < Periods; period++)
            {
                foreach (var t in Traffic(random, period, PerPeriod))
                {
                    LabelRequest? request = sampler.Offer(t.Id, t.Class, t.Confidence, t.At);
                    if (period == 0)
                    {
                        continue;
                    }

                    total++;
                    correct += t.Correct ? 1 : 0;
                    if (request is not null)
                    {
                        labelled.Add((t.Correct, request.InclusionProbability));
                    }
                }
            }

            double truth = correct / total;
            weightedErrors.Add(HandLabelEstimate.Accuracy(labelled).Accuracy - truth);
            plainErrors.Add(labelled.Average(l => l.Correct ? 1.0 : 0.0) - truth);
        }

        (double weighted, double weightedSe) = MeanAndError(weightedErrors);
        (double plain, double plainSe) = MeanAndError(plainErrors);
        // The weighted estimate's mean error is 0 within its 99.9 % interval; the plain one measures the doubts (about
        // 2/3 right against 3/4 overall) and misses by far more than its interval.
        Assert.True(Math.Abs(weighted) <= 3.3 * weightedSe, $"weighted: mean error {weighted:F5} ± {weightedSe:F5}");
        Assert.True(plain < -0.05 && Math.Abs(plain) > 20 * plainSe, $"unweighted: mean error {plain:F5} ± {plainSe:F5}");
    }

    [Fact]
    public void The_first_period_spends_by_the_expected_volume_and_an_empty_period_keeps_the_estimate()
    {
        var sampler = new LabelRequestSampler(10, Hour, LabelSamplingStrategy.Uniform, expectedVolume: 1000, Start, seed: 1);
        LabelRequest[] first = Enumerable.Range(0, 5000).Select(i => sampler.Offer($"{i}", "A", 0.9, Start.AddSeconds(i * 0.5))).OfType<LabelRequest>().ToArray();
        double pi = first[0].InclusionProbability;
        Assert.Equal(10.0 / 1000, pi);

        // The first hour held 5000 predictions (the last of them at 41m40s); an hour with none leaves that estimate.
        LabelRequest? late = null;
        for (int i = 0; late is null && i < 100_000; i++)
        {
            late = sampler.Offer($"late-{i}", "A", 0.9, Start.AddHours(3));
        }

        Assert.Equal(10.0 / 5000, late!.InclusionProbability);
    }

    [Fact]
    public void Bad_settings_and_bad_confidences_are_refused_or_taken_as_neutral()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LabelRequestSampler(0, Hour, LabelSamplingStrategy.Uniform, 10, Start, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LabelRequestSampler(1, TimeSpan.Zero, LabelSamplingStrategy.Uniform, 10, Start, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LabelRequestSampler(1, Hour, (LabelSamplingStrategy)9, 10, Start, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LabelRequestSampler(1, Hour, LabelSamplingStrategy.Uniform, double.NaN, Start, 1));
        var sampler = new LabelRequestSampler(1000, Hour, LabelSamplingStrategy.LowConfidenceFirst, 1000, Start, 1);
        LabelRequest request = Enumerable.Range(0, 100).Select(i => sampler.Offer($"{i}", "A", double.NaN, Start)).OfType<LabelRequest>().First();
        Assert.Equal(0.5, request.Confidence);
        Assert.Throws<ArgumentOutOfRangeException>(() => HandLabelEstimate.Accuracy([(true, 0.0)]));
        Assert.True(double.IsNaN(HandLabelEstimate.Accuracy([]).Accuracy));
    }

    private static (double Mean, double StandardError) MeanAndError(List<double> values)
    {
        double mean = values.Average();
        double variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return (mean, Math.Sqrt(variance / values.Count));
    }
}
