using System;
using MathNet.Numerics;

namespace MonitorGen.Statistics;

/// <summary>Student's two-sample t-test with pooled variance, as <c>scipy.stats.ttest_ind(equal_var=True)</c>.</summary>
internal static class StudentTTest
{
    /// <summary>t = (mean_ref − mean_cur)/sqrt(s²(1/n + 1/m)) on n + m − 2 degrees of freedom, and its two-sided p-value.</summary>
    /// <param name="reference">The reference sample.</param>
    /// <param name="current">The current sample.</param>
    /// <returns>t and the p-value.</returns>
    public static (double Statistic, double PValue) Test(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        int n1 = reference.Length, n2 = current.Length;
        if (n1 < 2 || n2 < 2)
        {
            // SciPy's per-sample variance (ddof = 1) of one value is NaN, so ttest_ind has no answer either.
            throw new ArgumentException("t_test needs at least two values in each sample.");
        }

        return FromMoments(n1, PairwiseSum.Mean(reference), SampleVariance(reference), n2, PairwiseSum.Mean(current), SampleVariance(current));
    }

    /// <summary>
    /// The same test from each sample's size, mean and sample variance (ddof = 1): what a streaming window keeps, so that
    /// the test covers every value of the window rather than a sample of it.
    /// </summary>
    /// <returns>t and the p-value.</returns>
    public static (double Statistic, double PValue) FromMoments(long n1, double mean1, double variance1, long n2, double mean2, double variance2)
    {
        if (n1 < 2 || n2 < 2)
        {
            throw new ArgumentException("t_test needs at least two values in each sample.");
        }

        double df = n1 + n2 - 2.0;
        double pooled = (((n1 - 1) * variance1) + ((n2 - 1) * variance2)) / df;
        double denom = Math.Sqrt(pooled * ((1.0 / n1) + (1.0 / n2)));
        double d = mean1 - mean2;
        if (denom == 0)
        {
            if (d == 0)
            {
                throw new ArgumentException("t_test is undefined when both samples are the same constant (zero variance, equal means).");
            }

            return (d > 0 ? double.PositiveInfinity : double.NegativeInfinity, 0.0);
        }

        double t = d / denom;
        // 2·Pr(T > |t|) through the incomplete beta function, which keeps small p-values accurate (no 1 − cdf).
        double p = SpecialFunctions.BetaRegularized(df / 2.0, 0.5, df / (df + (t * t)));
        return (t, Math.Clamp(p, 0.0, 1.0));
    }

    private static double SampleVariance(ReadOnlySpan<double> values)
    {
        double mean = PairwiseSum.Mean(values);
        double[] squares = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double dev = values[i] - mean;
            squares[i] = dev * dev;
        }

        return PairwiseSum.Sum(squares) / (values.Length - 1);
    }
}
