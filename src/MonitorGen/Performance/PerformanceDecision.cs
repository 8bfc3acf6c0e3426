using System;
using MathNet.Numerics.Distributions;

namespace MonitorGen.Performance;

/// <summary>
/// Whether a window's realized performance is below its reference by more than a margin, with a stated false-alarm rate:
/// the drift decisions' discipline, so that a handful of labels never moves health.
/// </summary>
/// <remarks>
/// Accuracy (a proportion) is judged by the exact Clopper–Pearson bound: the window is Degraded when even the upper
/// one-sided (1 − α) bound of its accuracy is below reference − margin, which, when the true accuracy is
/// reference − margin, happens with probability at most α for every window size; Unhealthy when that bound is below the
/// floor. An error (a mean, such as the absolute error of a regressor) is judged by Student's one-sided bound: Degraded
/// when even the lower bound of the window's mean error is above reference + margin. With 2 labels or fewer, or no
/// spread, nothing is judged.
/// </remarks>
internal static class PerformanceDecision
{
    /// <summary>Judges a window's accuracy, <paramref name="correct"/> of <paramref name="labelled"/>.</summary>
    public static PerformanceStatus Accuracy(long correct, long labelled, double reference, double margin, double floor, double alpha)
    {
        Check(alpha, margin);
        if (labelled <= 0)
        {
            return PerformanceStatus.Healthy;
        }

        double upper = UpperBound(correct, labelled, alpha);
        return upper < floor ? PerformanceStatus.Unhealthy
            : upper < reference - margin ? PerformanceStatus.Degraded
            : PerformanceStatus.Healthy;
    }

    /// <summary>The exact one-sided upper (1 − α) bound of a proportion: Beta(k + 1, n − k)'s 1 − α quantile, 1 when k = n.</summary>
    public static double UpperBound(long successes, long trials, double alpha) =>
        successes >= trials ? 1 : Beta.InvCDF(successes + 1, trials - successes, 1 - alpha);

    /// <summary>Judges a window's mean error (lower is better), from its count, mean and sample standard deviation.</summary>
    public static PerformanceStatus MeanError(long count, double mean, double standardDeviation, double reference, double margin, double ceiling, double alpha)
    {
        Check(alpha, margin);
        if (count <= 2 || !(standardDeviation > 0) || !double.IsFinite(mean))
        {
            return PerformanceStatus.Healthy;
        }

        double lower = mean - (StudentT.InvCDF(0, 1, count - 1, 1 - alpha) * standardDeviation / Math.Sqrt(count));
        return lower > ceiling ? PerformanceStatus.Unhealthy
            : lower > reference + margin ? PerformanceStatus.Degraded
            : PerformanceStatus.Healthy;
    }

    private static void Check(double alpha, double margin)
    {
        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α is a false-alarm rate strictly between 0 and 1.");
        }

        if (!(margin >= 0 && double.IsFinite(margin)))
        {
            throw new ArgumentOutOfRangeException(nameof(margin), margin, "The margin is finite and at least 0.");
        }
    }
}
