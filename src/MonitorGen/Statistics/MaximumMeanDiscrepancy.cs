using System;

namespace MonitorGen.Statistics;

/// <summary>
/// Unbiased squared maximum mean discrepancy with a Gaussian kernel exp(−(x − y)²/(2σ²)), σ by the median heuristic, and a seeded
/// permutation p-value (<c>empirical_mmd</c>).
/// </summary>
/// <remarks>Cost is O((n + m)²) per permutation, with the kernel matrix cached; n + m is limited to <see cref="MaxPooledSize"/>.</remarks>
internal static class MaximumMeanDiscrepancy
{
    /// <summary>
    /// Largest pooled size accepted: the test costs (n + m)²/2 kernel sums per permutation (2e9 for 1000 permutations at this
    /// size) and caches the (n + m)² kernel matrix (32 MB); subsample larger features, or use ks or wasserstein.
    /// </summary>
    public const int MaxPooledSize = 2000;

    /// <summary>MMD² and the permutation p-value (<see cref="PermutationTest"/>).</summary>
    /// <param name="reference">The reference sample, at least 2 values.</param>
    /// <param name="current">The current sample, at least 2 values.</param>
    /// <returns>MMD² and the p-value.</returns>
    public static (double Statistic, double PValue) Test(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        int n = reference.Length, m = current.Length;
        if (n < 2 || m < 2)
        {
            throw new ArgumentException("empirical_mmd needs at least two values in each sample (the unbiased estimate divides by n(n − 1)).");
        }

        if (n + m > MaxPooledSize)
        {
            throw new ArgumentException(
                $"empirical_mmd is quadratic in the sample size; n + m = {n + m} exceeds {MaxPooledSize}. Subsample the feature or use ks or wasserstein.");
        }

        double[] z = Ranks.Pool(reference, current);
        int total = z.Length;
        double sigma = MedianHeuristic(z);
        if (sigma == 0)
        {
            // Every value is the same: the two distributions are identical.
            return (0.0, 1.0);
        }

        double gamma = 1.0 / (2 * sigma * sigma);
        double[] kernel = new double[total * total];
        for (int i = 0; i < total; i++)
        {
            for (int j = 0; j < total; j++)
            {
                double d = z[i] - z[j];
                kernel[(i * total) + j] = Math.Exp(-gamma * d * d);
            }
        }

        int[] labels = new int[total];
        for (int i = 0; i < total; i++)
        {
            labels[i] = i;
        }

        double observed = Statistic(labels, n, kernel);
        var random = new Random(PermutationTest.Seed);
        double[] stats = new double[PermutationTest.Permutations];
        for (int p = 0; p < stats.Length; p++)
        {
            PermutationTest.ShuffleFront(labels, n, random);
            stats[p] = Statistic(labels, n, kernel);
        }

        return (observed, PermutationTest.PValue(observed, stats));
    }

    /// <summary>σ = median of |z_i − z_j| over pairs i &lt; j; the median of the positive distances when that is 0.</summary>
    public static double MedianHeuristic(ReadOnlySpan<double> z)
    {
        int total = z.Length;
        double[] distances = new double[(long)total * (total - 1) / 2];
        int k = 0, positive = 0;
        for (int i = 0; i < total; i++)
        {
            for (int j = i + 1; j < total; j++)
            {
                double d = Math.Abs(z[i] - z[j]);
                distances[k++] = d;
                if (d > 0)
                {
                    positive++;
                }
            }
        }

        Array.Sort(distances);
        double median = Median(distances);
        if (median == 0 && positive > 0)
        {
            median = Median(distances.AsSpan(distances.Length - positive));
        }

        return median;
    }

    private static double Median(ReadOnlySpan<double> sorted)
    {
        int len = sorted.Length;
        return len % 2 == 1 ? sorted[len / 2] : (sorted[(len / 2) - 1] + sorted[len / 2]) / 2.0;
    }

    /// <summary>Unbiased MMD² for the split where labels[0..n) are the reference indices into the pooled sample.</summary>
    private static double Statistic(int[] labels, int n, double[] kernel)
    {
        int total = labels.Length, m = total - n;
        double xx = 0, yy = 0, xy = 0;
        for (int a = 0; a < total; a++)
        {
            int i = labels[a];
            bool aIsX = a < n;
            for (int b = a + 1; b < total; b++)
            {
                int j = labels[b];
                double kij = kernel[(i * total) + j];

                bool bIsX = b < n;
                if (aIsX && bIsX)
                {
                    xx += kij;
                }
                else if (!aIsX && !bIsX)
                {
                    yy += kij;
                }
                else
                {
                    xy += kij;
                }
            }
        }

        // Pairs were visited once; the off-diagonal sums count each twice.
        return (2 * xx / ((double)n * (n - 1))) + (2 * yy / ((double)m * (m - 1))) - (2 * xy / ((double)n * m));
    }
}
