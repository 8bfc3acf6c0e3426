using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.Distributions;
using MonitorGen.Calibration;

namespace MonitorGen.Tests.Calibration;

/// <summary>
/// The binomial draws that every count null is made of: their distribution against the exact binomial probabilities,
/// by Pearson's χ² over 200,000 seeded draws per case, in each regime (inversion below a mean of 16, BTRS above, either
/// side of p = 0.5, a million and a billion trials).
/// </summary>
public sealed class BinomialSamplerTests
{
    private const int Draws = 200_000;

    [Theory]
    [InlineData(10L, 0.3)]
    [InlineData(40L, 0.35)]
    [InlineData(60L, 0.5)]
    [InlineData(1_000L, 0.02)]
    [InlineData(1_000L, 0.97)]
    [InlineData(1_000_000L, 0.05)]
    [InlineData(1_000_000L, 0.6)]
    [InlineData(1_000_000_000L, 1e-6)]
    [InlineData(1_000_000_000L, 0.25)]
    public void Draws_follow_the_binomial_distribution(long trials, double probability)
    {
        var random = new Random(unchecked((int)(trials * 31 + (long)(probability * 1e6))));
        var counts = new Dictionary<long, int>();
        double sum = 0;
        for (int i = 0; i < Draws; i++)
        {
            long k = BinomialSampler.Sample(random, trials, probability);
            Assert.InRange(k, 0, trials);
            counts[k] = counts.GetValueOrDefault(k) + 1;
            sum += k;
        }

        // The mean within 5 standard errors.
        double mean = trials * probability, sd = Math.Sqrt(trials * probability * (1 - probability));
        Assert.InRange(sum / Draws, mean - (5 * sd / Math.Sqrt(Draws)), mean + (5 * sd / Math.Sqrt(Draws)));

        // Pearson's χ² over cells of expected count at least 20, the tails pooled into the cells at the ends.
        long low = (long)Math.Max(0, Math.Floor(mean - (8 * sd) - 2)), high = (long)Math.Min(trials, Math.Ceiling(mean + (8 * sd) + 2));
        var cells = new List<(double Expected, double Observed)>();
        double expected = Binomial.CDF(probability, (int)Math.Min(trials, int.MaxValue), low - 1) * Draws, observed = counts.Where(c => c.Key < low).Sum(c => c.Value);
        for (long k = low; k <= high; k++)
        {
            expected += Math.Exp(Binomial.PMFLn(probability, (int)trials, (int)k)) * Draws;
            observed += counts.GetValueOrDefault(k);
            if (expected >= 20)
            {
                cells.Add((expected, observed));
                expected = observed = 0;
            }
        }

        observed += counts.Where(c => c.Key > high).Sum(c => c.Value);
        expected += (1 - Binomial.CDF(probability, (int)trials, high)) * Draws;
        cells[^1] = (cells[^1].Expected + expected, cells[^1].Observed + observed);
        double statistic = cells.Sum(c => (c.Observed - c.Expected) * (c.Observed - c.Expected) / c.Expected);
        double pValue = 1 - ChiSquared.CDF(cells.Count - 1, statistic);
        Assert.True(cells.Count >= 3, $"only {cells.Count} cells");
        Assert.True(pValue > 1e-4, $"χ² = {statistic:F1} over {cells.Count} cells, p = {pValue:E2}");
    }
}
