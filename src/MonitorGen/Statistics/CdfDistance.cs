using System;

namespace MonitorGen.Statistics;

/// <summary>
/// ∫ |F_u − F_v|^p between two empirical CDFs, evaluated on the pooled sorted sample as SciPy's <c>_cdf_distance</c> does
/// (the CDFs are step functions, so the integral is a finite sum over the gaps between pooled values).
/// </summary>
internal static class CdfDistance
{
    /// <summary>The terms |F_u(x_k) − F_v(x_k)|^p · (x_{k+1} − x_k) for p = 1 or 2.</summary>
    public static double Integral(ReadOnlySpan<double> u, ReadOnlySpan<double> v, int power)
    {
        double[] us = u.ToArray();
        double[] vs = v.ToArray();
        Array.Sort(us);
        Array.Sort(vs);
        double[] all = Ranks.Pool(us, vs);
        Array.Sort(all);
        double[] terms = new double[all.Length - 1];
        int iu = 0, iv = 0;
        for (int k = 0; k < terms.Length; k++)
        {
            double x = all[k];
            while (iu < us.Length && us[iu] <= x)
            {
                iu++;
            }

            while (iv < vs.Length && vs[iv] <= x)
            {
                iv++;
            }

            double diff = ((double)iu / us.Length) - ((double)iv / vs.Length);
            double weight = power == 1 ? Math.Abs(diff) : diff * diff;
            terms[k] = weight * (all[k + 1] - x);
        }

        return PairwiseSum.Sum(terms);
    }
}
