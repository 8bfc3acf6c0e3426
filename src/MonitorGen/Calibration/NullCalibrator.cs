using System;
using MonitorGen.Statistics;

namespace MonitorGen.Calibration;

/// <summary>Draws the null distribution a fitted profile stores, for the methods whose calibrated decision needs one.</summary>
internal static class NullCalibrator
{
    // Jeffreys' prior: half a count per cell.
    private const double CellPrior = 0.5;

    /// <summary>The null of <paramref name="profile"/>'s method at every rung of the ladder, or null when it needs none.</summary>
    /// <remarks>
    /// Drawn from the profile alone, as a check sees it: the reference side of every draw is the profile's own (its counts, or
    /// its sample), and only the window is redrawn, from what the reference says about the distribution.
    /// </remarks>
    /// <param name="profile">The fitted profile, without its null.</param>
    /// <param name="options">The fit's options.</param>
    /// <param name="index">The feature's position in the schema, which seeds its draws.</param>
    public static NullDistribution? Fit(FeatureProfile profile, FitOptions options, int index)
    {
        ulong seed = options.Seed + ((ulong)index * 0xBF58476D1CE4E5B9);
        DriftMethod method = profile.Method;
        if (options.NullResamples == 0 || profile.Count == 0 || !DriftCalibration.NeedsResampledNull(method))
        {
            return null;
        }

        int resamples = options.NullResamples;
        if (DriftCalibration.IsCountBased(method))
        {
            (double[] reference, double[] prior) = Cells(profile);
            return NullDistribution.FromDraws(profile.Count, options.NullSizes ?? DriftCalibration.CountLadder, size =>
                NullSimulator.CountsGivenReference(method, reference, prior, size, resamples, NullSimulator.RungSeed(seed, size)));
        }

        double[] sample = profile.Sample;
        return NullDistribution.FromDraws(sample.Length, options.NullSizes ?? DriftCalibration.SampleLadder, size =>
            NullSimulator.SamplesGivenReference(method, sample, size, resamples, NullSimulator.RungSeed(seed, size)));
    }

    // The reference counts over the cells a check compares (the bins, or the kept categories and "other"), and the prior of
    // each. Drift-free windows hold categories that the reference never saw, and they land in "other": its prior is the
    // Good-Turing count of the unseen mass, the number of categories seen exactly once, plus one.
    private static (double[] Reference, double[] Prior) Cells(FeatureProfile profile)
    {
        double[] counts = profile.Kind == FeatureKind.Numerical
            ? Array.ConvertAll(profile.BinCounts, c => (double)c)
            : [.. Array.ConvertAll(profile.CategoryCounts, c => (double)c), profile.OtherCount];
        var prior = new double[counts.Length];
        Array.Fill(prior, CellPrior);
        if (profile.Kind == FeatureKind.Categorical)
        {
            prior[^1] = 1 + Array.FindAll(profile.CategoryCounts, c => c == 1).Length;
        }

        return (counts, prior);
    }
}
