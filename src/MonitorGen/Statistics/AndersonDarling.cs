using System;
using MathNet.Numerics.LinearAlgebra;

namespace MonitorGen.Statistics;

/// <summary>
/// Two-sample (k = 2) Anderson–Darling test, as <c>scipy.stats.anderson_ksamp(midrank=True)</c>: Scholz and Stephens' A²akN for
/// tied data, standardised, with the p-value interpolated from their table and therefore capped to [0.001, 0.25].
/// </summary>
internal static class AndersonDarling
{
    private static readonly double[] B0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
    private static readonly double[] B1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
    private static readonly double[] B2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];
    private static readonly double[] Significance = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001];

    /// <summary>The standardised statistic and the interpolated p-value.</summary>
    /// <param name="reference">The reference sample.</param>
    /// <param name="current">The current sample.</param>
    /// <returns>The statistic and the p-value in [0.001, 0.25].</returns>
    public static (double Statistic, double PValue) Test(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        double[][] samples = [reference.ToArray(), current.ToArray()];
        double[] z = Ranks.Pool(reference, current);
        RadixSort.Sort(z);
        int bigN = z.Length;
        double[] distinct = Distinct(z);
        if (distinct.Length < 2)
        {
            throw new ArgumentException("anderson needs at least two distinct values in the pooled sample.");
        }

        if (bigN < 4)
        {
            throw new ArgumentException("anderson needs at least four values in total (its variance has a factor 1/((N−1)(N−2)(N−3))).");
        }

        const int k = 2;
        double a2kn = MidrankStatistic(samples, z, distinct, bigN);
        double h = 0;
        foreach (double[] s in samples)
        {
            h += 1.0 / s.Length;
        }

        // hs_cs[i] = Σ_{j=N-1 down to N-1-i} 1/j for i = 0..N-3, as SciPy's cumulative sum.
        double[] hsCs = new double[bigN - 2];
        double running = 0;
        for (int i = 0; i < hsCs.Length; i++)
        {
            running += 1.0 / (bigN - 1 - i);
            hsCs[i] = running;
        }

        double hh = hsCs[^1] + 1;
        double[] gTerms = new double[hsCs.Length];
        for (int i = 0; i < hsCs.Length; i++)
        {
            gTerms[i] = hsCs[i] / (i + 2);
        }

        double g = PairwiseSum.Sum(gTerms);
        double a = ((4 * g - 6) * (k - 1)) + ((10 - (6 * g)) * h);
        double b = ((2 * g - 4) * k * k) + (8 * hh * k) + (((2 * g) - (14 * hh) - 4) * h) - (8 * hh) + (4 * g) - 6;
        double c = (((6 * hh) + (2 * g) - 2) * k * k) + (((4 * hh) - (4 * g) + 6) * k) + (((2 * hh) - 6) * h) + (4 * hh);
        double d = (((2 * hh) + 6) * k * k) - (4 * hh * k);
        double n = bigN;
        double sigmaSq = ((a * n * n * n) + (b * n * n) + (c * n) + d) / ((n - 1.0) * (n - 2.0) * (n - 3.0));
        const int m = k - 1;
        double a2 = (a2kn - m) / Math.Sqrt(sigmaSq);

        double[] critical = new double[B0.Length];
        for (int i = 0; i < critical.Length; i++)
        {
            critical[i] = B0[i] + (B1[i] / Math.Sqrt(m)) + (B2[i] / m);
        }

        double p;
        if (a2 < critical[0])
        {
            p = Significance[0];
        }
        else if (a2 > critical[^1])
        {
            p = Significance[^1];
        }
        else
        {
            // Quadratic least squares of log(significance) on the critical values, then exp of the fit at A2 (SciPy's polyfit).
            Matrix<double> design = Matrix<double>.Build.Dense(critical.Length, 3, (i, j) => Math.Pow(critical[i], 2 - j));
            Vector<double> target = Vector<double>.Build.Dense(Significance.Length, i => Math.Log(Significance[i]));
            Vector<double> coef = design.QR().Solve(target);
            p = Math.Exp((((coef[0] * a2) + coef[1]) * a2) + coef[2]);
        }

        return (a2, p);
    }

    private static double MidrankStatistic(double[][] samples, double[] z, double[] distinct, int bigN)
    {
        int l = distinct.Length;
        double[] lj = new double[l];
        double[] bj = new double[l];
        for (int j = 0; j < l; j++)
        {
            int left = SortedSearch.LowerBound(z, distinct[j]);
            int right = SortedSearch.UpperBound(z, distinct[j]);
            lj[j] = bigN == l ? 1.0 : right - left;
            bj[j] = left + (lj[j] / 2.0);
        }

        double total = 0;
        foreach (double[] raw in samples)
        {
            double[] s = (double[])raw.Clone();
            Array.Sort(s);
            double ni = s.Length;
            double[] inner = new double[l];
            for (int j = 0; j < l; j++)
            {
                int right = SortedSearch.UpperBound(s, distinct[j]);
                int left = SortedSearch.LowerBound(s, distinct[j]);
                double mij = right - ((right - left) / 2.0);
                double dev = (bigN * mij) - (bj[j] * ni);
                inner[j] = lj[j] / bigN * dev * dev / ((bj[j] * (bigN - bj[j])) - (bigN * lj[j] / 4.0));
            }

            total += PairwiseSum.Sum(inner) / ni;
        }

        return total * (bigN - 1.0) / bigN;
    }

    private static double[] Distinct(double[] sorted)
    {
        int k = 0;
        double[] result = new double[sorted.Length];
        for (int i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != result[k - 1])
            {
                result[k++] = sorted[i];
            }
        }

        return result[..k];
    }
}
