using System;
using MathNet.Numerics.Distributions;

namespace MonitorGen.Performance;

/// <summary>The intervals reported beside realized performance: Wilson's for proportions, the normal one for means.</summary>
internal static class ConfidenceIntervals
{
    /// <summary>
    /// Wilson's score interval for <paramref name="successes"/> of <paramref name="trials"/>: unlike the Wald interval it
    /// stays inside [0, 1] and keeps its coverage near 0 and 1 and for small windows.
    /// </summary>
    public static Interval Wilson(long successes, long trials, double confidence = 0.95)
    {
        if (trials <= 0)
        {
            return Interval.None;
        }

        double z = Normal.InvCDF(0, 1, 0.5 + (confidence / 2));
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        double half = z / (1 + (z2 / n)) * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        // At p = 0 or 1 a bound is exactly 0 or 1 in closed form; rounding would leave the observed share just outside.
        return new Interval(
            successes == 0 ? 0 : Math.Max(0, centre - half),
            successes == trials ? 1 : Math.Min(1, centre + half));
    }

    /// <summary>The normal interval of a mean: <c>mean ± z · s / √n</c>, with the sample standard deviation <paramref name="standardDeviation"/>.</summary>
    public static Interval NormalMean(double mean, double standardDeviation, long count, double confidence = 0.95)
    {
        if (count < 2 || double.IsNaN(standardDeviation))
        {
            return Interval.None;
        }

        double half = Normal.InvCDF(0, 1, 0.5 + (confidence / 2)) * standardDeviation / Math.Sqrt(count);
        return new Interval(mean - half, mean + half);
    }
}
