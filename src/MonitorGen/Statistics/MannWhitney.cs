using System;
using System.Numerics;
using MathNet.Numerics;

namespace MonitorGen.Statistics;

/// <summary>
/// Mann–Whitney U with alternative "less" (Evidently's <c>mannw</c>), as <c>scipy.stats.mannwhitneyu(method="auto")</c>: exact when
/// a sample has at most 8 values and there are no ties, otherwise the normal approximation with tie and continuity corrections.
/// </summary>
internal static class MannWhitney
{
    /// <summary>Samples larger than this on both sides use the normal approximation.</summary>
    public const int MaxExactSize = 8;

    /// <summary>U1 (SciPy's reported statistic, for the reference sample) and the one-sided p-value Pr(U2 &gt;= observed).</summary>
    /// <param name="reference">The reference sample (SciPy's x).</param>
    /// <param name="current">The current sample (SciPy's y).</param>
    /// <returns>U1 and the p-value.</returns>
    public static (double Statistic, double PValue) Test(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        int n1 = reference.Length, n2 = current.Length;
        double[] ranks = Ranks.MidRanks(Ranks.Pool(reference, current), out double tieTerm);
        double r1 = 0;
        for (int i = 0; i < n1; i++)
        {
            r1 += ranks[i];
        }

        double u1 = r1 - (n1 * (n1 + 1.0) / 2.0);
        double u2 = ((double)n1 * n2) - u1;
        bool hasTies = tieTerm > 0;
        double p;
        if ((n1 > MaxExactSize && n2 > MaxExactSize) || hasTies)
        {
            double mu = (double)n1 * n2 / 2.0;
            double n = n1 + n2;
            double s = Math.Sqrt((double)n1 * n2 / 12.0 * ((n + 1) - (tieTerm / (n * (n - 1)))));
            // When every value is the same, s = 0 and U2 = mu: SciPy's z is −∞ and p = 1 (no evidence of a shift).
            p = s == 0 ? 1.0 : NormalSf((u2 - mu - 0.5) / s);
        }
        else
        {
            p = ExactSf((long)u2, n1, n2);
        }

        return (u1, Math.Clamp(p, 0.0, 1.0));
    }

    /// <summary>Pr(U &gt;= u) under H0 from the exact null distribution; by symmetry this is Pr(U &lt;= n1·n2 − u).</summary>
    private static double ExactSf(long u, int n1, int n2)
    {
        long k = ((long)n1 * n2) - u;
        if (k < 0)
        {
            return 0.0;
        }

        BigInteger[] counts = UCounts(Math.Min(n1, n2), Math.Max(n1, n2));
        BigInteger below = BigInteger.Zero;
        for (long i = 0; i <= Math.Min(k, counts.Length - 1); i++)
        {
            below += counts[i];
        }

        BigInteger total = BigInteger.Zero;
        foreach (BigInteger c in counts)
        {
            total += c;
        }

        return Ratio(below, total);
    }

    /// <summary>
    /// The number of arrangements giving each U: the coefficients of the Gaussian binomial [n+m choose m]_q, built as
    /// Π (1 − q^(n+i))/(1 − q^i) in exact integers (the divisions are exact at every step).
    /// </summary>
    private static BigInteger[] UCounts(int m, int n)
    {
        int size = (m * n) + 1;
        var poly = new BigInteger[size];
        poly[0] = BigInteger.One;
        int degree = 0;
        for (int i = 1; i <= m; i++)
        {
            int shift = n + i;
            for (int d = Math.Min(size - 1, degree + shift); d >= shift; d--)
            {
                poly[d] -= poly[d - shift];
            }

            degree += n;
            for (int d = i; d <= degree; d++)
            {
                poly[d] += poly[d - i];
            }

            // Above the new degree the quotient is zero; clear what the multiplication left there.
            for (int d = degree + 1; d <= Math.Min(size - 1, degree + i); d++)
            {
                poly[d] = BigInteger.Zero;
            }
        }

        return poly;
    }

    private static double Ratio(BigInteger numerator, BigInteger denominator)
    {
        // Scale both into double range before dividing, so huge counts do not overflow to infinity.
        long shift = Math.Max(0, (long)denominator.GetBitLength() - 1000);
        return (double)(numerator >> (int)shift) / (double)(denominator >> (int)shift);
    }

    private static double NormalSf(double z) => 0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2));
}
