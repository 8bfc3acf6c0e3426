using System;
using MathNet.Numerics.LinearAlgebra;

namespace MonitorGen.Statistics;

/// <summary>
/// Epps–Singleton test on the empirical characteristic function at t = (0.4, 0.8)/σ, σ = IQR/2 of the pooled sample, as
/// <c>scipy.stats.epps_singleton_2samp</c> (with its small-sample correction when max(n, m) &lt; 25).
/// </summary>
internal static class EppsSingleton
{
    private static readonly double[] T = [0.4, 0.8];

    /// <summary>NumPy's float64 eps (2^-52), which its rank tolerance uses.</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>W (squared Mahalanobis distance of the mean ECF difference) and its chi-squared p-value on 4 degrees of freedom.</summary>
    /// <param name="reference">The reference sample, at least 5 values.</param>
    /// <param name="current">The current sample, at least 5 values.</param>
    /// <returns>W and the p-value.</returns>
    /// <exception cref="ArgumentException">A sample has fewer than 5 values, the pooled interquartile range is 0, or the covariance is rank deficient.</exception>
    public static (double Statistic, double PValue) Test(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        int nx = reference.Length, ny = current.Length;
        if (nx < 5 || ny < 5)
        {
            throw new ArgumentException("es needs at least 5 values in each sample.");
        }

        double[] pooled = Ranks.Pool(reference, current);
        RadixSort.Sort(pooled);
        double iqr = Percentile(pooled, 75) - Percentile(pooled, 25);
        if (!(iqr > 0))
        {
            throw new ArgumentException(
                "es is undefined here: the interquartile range of the pooled sample is 0 (more than half the values are equal), so the characteristic function cannot be scaled. Use another method (for example chisquare or jensenshannon) for this feature.");
        }

        double sigma = iqr / 2;
        int dim = 2 * T.Length;
        double n = nx + ny;
        Matrix<double> covX = Covariance(reference, sigma, out Vector<double> meanX);
        Matrix<double> covY = Covariance(current, sigma, out Vector<double> meanY);
        Matrix<double> est = (covX * (n / nx)) + (covY * (n / ny));
        Matrix<double> inverse = PseudoInverse(est);
        Vector<double> diff = meanX - meanY;
        double w = n * diff.DotProduct(inverse * diff);
        if (Math.Max(nx, ny) < 25)
        {
            double corr = 1.0 / (1.0 + Math.Pow(n, -0.45) + (10.1 * (Math.Pow(nx, -1.7) + Math.Pow(ny, -1.7))));
            w *= corr;
        }

        return (w, ChiSquareTest.ChiSquaredSf(w, dim));
    }

    /// <summary>
    /// Moore–Penrose inverse with NumPy's cutoff (singular values below 1e-15 · max are dropped), so that the rank-deficient
    /// covariances of features with very few distinct values are handled as <c>numpy.linalg.pinv</c> handles them.
    /// </summary>
    private static Matrix<double> PseudoInverse(Matrix<double> a)
    {
        var svd = a.Svd(computeVectors: true);
        Vector<double> s = svd.S;
        double cutoff = 1e-15 * s.Maximum();
        var inverseS = Matrix<double>.Build.Dense(a.ColumnCount, a.RowCount);
        double largestInverse = 0;
        for (int i = 0; i < s.Count; i++)
        {
            if (s[i] > cutoff)
            {
                inverseS[i, i] = 1.0 / s[i];
                largestInverse = Math.Max(largestInverse, inverseS[i, i]);
            }
        }

        // SciPy's rank check (numpy.linalg.matrix_rank of the pseudo-inverse). Below full rank SciPy only warns, and its W is then
        // driven by rounding noise (values like 1e35 on binary data); a drift score must not be noise, so refuse instead.
        double tolerance = largestInverse * Math.Max(a.RowCount, a.ColumnCount) * MachineEpsilon;
        int rank = 0;
        for (int i = 0; i < s.Count; i++)
        {
            if (inverseS[i, i] > tolerance)
            {
                rank++;
            }
        }

        if (rank < a.RowCount)
        {
            throw new ArgumentException(
                "es is not defined for this feature: the covariance of its characteristic function is rank deficient (typically 4 or fewer distinct values). Use chisquare or jensenshannon for it.");
        }

        return svd.VT.Transpose() * inverseS * svd.U.Transpose();
    }

    /// <summary>The biased (divide by n) covariance of g(x) = (cos(t1 x), cos(t2 x), sin(t1 x), sin(t2 x)), and its mean.</summary>
    private static Matrix<double> Covariance(ReadOnlySpan<double> sample, double sigma, out Vector<double> mean)
    {
        int len = sample.Length, dim = 2 * T.Length;
        var g = new double[dim][];
        for (int d = 0; d < dim; d++)
        {
            g[d] = new double[len];
        }

        for (int i = 0; i < len; i++)
        {
            for (int j = 0; j < T.Length; j++)
            {
                double arg = T[j] / sigma * sample[i];
                g[j][i] = Math.Cos(arg);
                g[T.Length + j][i] = Math.Sin(arg);
            }
        }

        double[] means = new double[dim];
        for (int d = 0; d < dim; d++)
        {
            means[d] = PairwiseSum.Mean(g[d]);
        }

        var cov = Matrix<double>.Build.Dense(dim, dim);
        for (int a = 0; a < dim; a++)
        {
            for (int b = a; b < dim; b++)
            {
                double s = 0;
                for (int i = 0; i < len; i++)
                {
                    s += (g[a][i] - means[a]) * (g[b][i] - means[b]);
                }

                cov[a, b] = cov[b, a] = s / len;
            }
        }

        mean = Vector<double>.Build.Dense(means);
        return cov;
    }

    /// <summary>NumPy's default (linear) percentile of a sorted sample.</summary>
    private static double Percentile(double[] sorted, double q)
    {
        double pos = q / 100.0 * (sorted.Length - 1);
        int lo = (int)Math.Floor(pos);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        double frac = pos - lo;
        double diff = sorted[hi] - sorted[lo];

        // NumPy's _lerp interpolates from the nearer end, so the result is monotone and exact at the ends.
        return frac >= 0.5 ? sorted[hi] - (diff * (1 - frac)) : sorted[lo] + (diff * frac);
    }
}
