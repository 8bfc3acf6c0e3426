using System;
using MonitorGen.Statistics;

namespace MonitorGen.Calibration;

/// <summary>Draws the null distribution a fitted profile stores, for the methods whose calibrated decision needs one.</summary>
internal static class NullCalibrator
{
    /// <summary>The null of <paramref name="profile"/>'s method at every rung of the ladder, or null when it needs none.</summary>
    /// <remarks>
    /// Drawn from the profile alone, as a check sees the reference: count-based methods redraw the reference counts and the
    /// window counts from the reference proportions; sample-based ones redraw the reference sample and the window sample from
    /// the reference sample.
    /// </remarks>
    public static NullDistribution? Fit(FeatureProfile profile, FitOptions options, ulong seed)
    {
        DriftMethod method = profile.Method;
        if (options.NullResamples == 0 || profile.Count == 0 || !DriftCalibration.NeedsResampledNull(method))
        {
            return null;
        }

        int resamples = options.NullResamples;
        if (DriftCalibration.IsCountBased(method))
        {
            double[] probabilities = Probabilities(profile);
            long n = profile.Count;
            return NullDistribution.FromDraws(n, DriftCalibration.CountLadder, size =>
                NullSimulator.Counts(method, probabilities, n, size, resamples, NullSimulator.RungSeed(seed, size)));
        }

        double[] pool = profile.Sample;
        return NullDistribution.FromDraws(pool.Length, DriftCalibration.SampleLadder, size =>
            NullSimulator.Samples(method, pool, pool.Length, size, resamples, NullSimulator.RungSeed(seed, size)));
    }

    // The reference proportions over the cells a check compares: the bins, or the kept categories and "other".
    private static double[] Probabilities(FeatureProfile profile)
    {
        long[] counts = profile.Kind == FeatureKind.Numerical ? profile.BinCounts : [.. profile.CategoryCounts, profile.OtherCount];
        var probabilities = new double[counts.Length];
        for (int i = 0; i < counts.Length; i++)
        {
            probabilities[i] = (double)counts[i] / profile.Count;
        }

        return probabilities;
    }
}
