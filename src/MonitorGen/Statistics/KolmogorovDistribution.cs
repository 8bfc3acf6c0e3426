using System;
using MathNet.Numerics;

namespace MonitorGen.Statistics;

/// <summary>
/// The exact distribution of the one-sample two-sided Kolmogorov–Smirnov statistic D_n (SciPy's <c>kstwo</c>), computed as Simard and
/// L'Ecuyer (2011) recommend: Ruben–Gambino closed forms at the ends, the Durbin matrix (Marsaglia–Tsang–Wang), Pomeranz's recursion,
/// the Pelz–Good expansion and twice the one-sided Smirnov tail, each where it is accurate.
/// </summary>
/// <remarks>The regime boundaries are SciPy's (<c>scipy/stats/_ksstats.py</c>), so the same branch, and hence the same value, is used.</remarks>
internal static class KolmogorovDistribution
{
    private const int Exponent = 128;
    private static readonly double BigScale = Math.ScaleB(1.0, Exponent);
    private static readonly double SmallScale = Math.ScaleB(1.0, -Exponent);
    private const double MinLog = -708;
    private static readonly double[] StirlingCoefficients =
    [
        -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    ];

    /// <summary>Pr(D_n &gt; x), the survival function of <c>scipy.stats.kstwo(n)</c>.</summary>
    /// <param name="n">The sample size, at least 1.</param>
    /// <param name="x">The statistic.</param>
    /// <returns>The upper-tail probability.</returns>
    public static double Sf(long n, double x)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x >= 1.0)
        {
            return 0.0;
        }

        if (x <= 0.0)
        {
            return 1.0;
        }

        double t = n * x;
        if (t <= 1.0)
        {
            if (t <= 0.5)
            {
                return 1.0;
            }

            double prob;
            if (n <= 140)
            {
                prob = 1.0;
                double factor = (2 * t) - 1;
                for (long i = 1; i <= n; i++)
                {
                    prob *= i * (1.0 / n) * factor;
                }
            }
            else
            {
                prob = Math.Exp(LogFactorialOverPower(n) + (n * Math.Log((2 * t) - 1)));
            }

            return Clip(1.0 - prob);
        }

        if (t >= n - 1)
        {
            return Clip(2 * Math.Pow(1.0 - x, n));
        }

        if (x >= 0.5)
        {
            return Clip(2 * SmirnovSf(n, x));
        }

        double nxSquared = t * x;
        if (n <= 140)
        {
            if (nxSquared <= 0.754693)
            {
                return Clip(1.0 - Clip(DurbinMatrixCdf(n, x)));
            }

            if (nxSquared <= 4)
            {
                return Clip(1.0 - Clip(PomeranzCdf(n, x)));
            }

            return Clip(2 * SmirnovSf(n, x));
        }

        if (nxSquared >= 370.0)
        {
            return 0.0;
        }

        if (nxSquared >= 2.2)
        {
            return Clip(2 * SmirnovSf(n, x));
        }

        double cdf = n <= 100000 && n * Math.Pow(x, 1.5) <= 1.4 ? Clip(DurbinMatrixCdf(n, x)) : PelzGoodCdf(n, x);
        return Clip(1.0 - cdf);
    }

    /// <summary>
    /// Pr(D+_n &gt;= x), the exact one-sided Smirnov tail, by the Birnbaum–Tingey sum evaluated term by term in logarithms so that
    /// no term overflows; every term is positive, so the sum loses no precision to cancellation.
    /// </summary>
    /// <param name="n">The sample size.</param>
    /// <param name="x">The statistic, in (0, 1).</param>
    /// <returns>The upper-tail probability.</returns>
    public static double SmirnovSf(long n, double x)
    {
        if (x <= 0)
        {
            return 1.0;
        }

        if (x >= 1)
        {
            return 0.0;
        }

        long last = (long)Math.Floor(n * (1.0 - x));
        double logX = Math.Log(x);
        double logNFactorial = SpecialFunctions.GammaLn(n + 1.0);
        double sum = 0.0;
        for (long j = 0; j <= last; j++)
        {
            double lower = x + ((double)j / n);
            double upper = ((n - j) - (n * x)) / n;
            if (upper <= 0)
            {
                continue;
            }

            double logTerm = logNFactorial - SpecialFunctions.GammaLn(j + 1.0) - SpecialFunctions.GammaLn(n - j + 1.0)
                + ((j - 1) * Math.Log(lower)) + ((n - j) * Math.Log(upper)) + logX;
            sum += Math.Exp(logTerm);
        }

        return Math.Min(1.0, sum);
    }

    /// <summary>Pr(D_n &lt;= d) by the Durbin matrix method as Marsaglia, Tsang and Wang evaluate it: the k-th diagonal entry of H^n, scaled.</summary>
    private static double DurbinMatrixCdf(long n, double d)
    {
        if (d >= 1.0)
        {
            return 1.0;
        }

        double nd = n * d;
        if (nd <= 0.5)
        {
            return 0.0;
        }

        int k = (int)Math.Ceiling(nd);
        double h = k - nd;
        int m = (2 * k) - 1;
        var hMatrix = new double[m, m];
        double[] v = new double[m];
        double[] w = new double[m];
        double fac = 1.0;
        for (int j = 1; j <= m; j++)
        {
            v[j - 1] = 1.0 - Math.Pow(h, j);
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] *= fac;
        }

        double tt = Math.Pow(Math.Max((2 * h) - 1.0, 0), m) - (2 * Math.Pow(h, m));
        v[m - 1] = (1.0 + tt) * fac;
        for (int i = 1; i < m; i++)
        {
            for (int row = i - 1; row < m; row++)
            {
                hMatrix[row, i] = w[row - (i - 1)];
            }
        }

        for (int row = 0; row < m; row++)
        {
            hMatrix[row, 0] = v[row];
        }

        for (int col = 0; col < m; col++)
        {
            hMatrix[m - 1, col] = v[m - 1 - col];
        }

        var power = new double[m, m];
        for (int i = 0; i < m; i++)
        {
            power[i, i] = 1.0;
        }

        long nn = n;
        int exponent = 0;
        int hExponent = 0;
        while (nn > 0)
        {
            if (nn % 2 == 1)
            {
                power = Multiply(power, hMatrix);
                exponent += hExponent;
            }

            hMatrix = Multiply(hMatrix, hMatrix);
            hExponent *= 2;
            if (Math.Abs(hMatrix[k - 1, k - 1]) > BigScale)
            {
                Scale(hMatrix, SmallScale);
                hExponent += Exponent;
            }

            nn /= 2;
        }

        double p = power[k - 1, k - 1];
        for (long i = 1; i <= n; i++)
        {
            p = i * p / n;
            if (Math.Abs(p) < SmallScale)
            {
                p *= BigScale;
                exponent -= Exponent;
            }
        }

        return exponent != 0 ? Math.ScaleB(p, exponent) : p;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        int m = a.GetLength(0);
        var result = new double[m, m];
        for (int i = 0; i < m; i++)
        {
            for (int l = 0; l < m; l++)
            {
                double ail = a[i, l];
                if (ail == 0)
                {
                    continue;
                }

                for (int j = 0; j < m; j++)
                {
                    result[i, j] += ail * b[l, j];
                }
            }
        }

        return result;
    }

    private static void Scale(double[,] a, double factor)
    {
        int m = a.GetLength(0);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                a[i, j] *= factor;
            }
        }
    }

    private static (int J1, int J2) PomeranzRange(int i, int n, int ll, int ceilF, int roundF)
    {
        int j1, j2;
        if (i == 0)
        {
            j1 = -ll - ceilF - 1;
            j2 = ll + ceilF - 1;
        }
        else
        {
            int half = (i + 1) / 2;
            if ((i + 1) % 2 == 0)
            {
                if (half == n + 1)
                {
                    j1 = n - ll - ceilF - 1;
                    j2 = n + ll + ceilF - 1;
                }
                else
                {
                    j1 = half - 1 - ll - roundF - 1;
                    j2 = half + ll - 1 + ceilF - 1;
                }
            }
            else
            {
                j1 = half - 1 - ll - 1;
                j2 = half + ll + roundF - 1;
            }
        }

        return (Math.Max(j1 + 2, 0), Math.Min(j2, n));
    }

    /// <summary>Pr(D_n &lt;= x) by Pomeranz's recursion, rescaling rows by 2^±128 to stay inside double range.</summary>
    private static double PomeranzCdf(long nLong, double x)
    {
        int n = checked((int)nLong);
        double t = n * x;
        int ll = (int)Math.Floor(t);
        double f = t - ll;
        double g = Math.Min(f, 1.0 - f);
        int ceilF = f > 0 ? 1 : 0;
        int roundF = f > 0.5 ? 1 : 0;
        int npwrs = 2 * (ll + 1);
        double[] gPower = new double[npwrs];
        double[] twoGPower = new double[npwrs];
        double[] oneMinusTwoGPower = new double[npwrs];
        gPower[0] = twoGPower[0] = oneMinusTwoGPower[0] = 1.0;
        int exponent = 0;
        double gOverN = g / n, twoGOverN = 2 * g / n, oneMinusTwoGOverN = (1 - (2 * g)) / n;
        for (int m = 1; m < npwrs; m++)
        {
            gPower[m] = gPower[m - 1] * gOverN / m;
            twoGPower[m] = twoGPower[m - 1] * twoGOverN / m;
            oneMinusTwoGPower[m] = oneMinusTwoGPower[m - 1] * oneMinusTwoGOverN / m;
        }

        double[] v0 = new double[npwrs];
        double[] v1 = new double[npwrs];
        double[] conv = new double[2 * npwrs];
        v1[0] = 1;
        int v0s = 0, v1s = 0;
        (int j1, int j2) = PomeranzRange(0, n, ll, ceilF, roundF);
        for (int i = 1; i < (2 * n) + 2; i++)
        {
            int k1 = j1;
            (v0, v1) = (v1, v0);
            (v0s, v1s) = (v1s, v0s);
            Array.Clear(v1);
            (j1, j2) = PomeranzRange(i, n, ll, ceilF, roundF);
            double[] pwrs = i == 1 || i == (2 * n) + 1 ? gPower : (i % 2 == 1 ? twoGPower : oneMinusTwoGPower);
            int ln2 = j2 - k1 + 1;
            if (ln2 > 0)
            {
                int start = k1 - v0s;
                int aLen = Math.Min(ln2, npwrs - start);
                int bLen = Math.Min(ln2, npwrs);
                int convStart = j1 - k1;
                int convLen = j2 - j1 + 1;
                double max = double.NegativeInfinity;
                for (int c = 0; c < convLen; c++)
                {
                    int idx = convStart + c;
                    double s = 0;
                    int lo = Math.Max(0, idx - (bLen - 1));
                    int hi = Math.Min(aLen - 1, idx);
                    for (int a = lo; a <= hi; a++)
                    {
                        s += v0[start + a] * pwrs[idx - a];
                    }

                    v1[c] = s;
                }

                for (int c = 0; c < npwrs; c++)
                {
                    max = Math.Max(max, v1[c]);
                }

                if (max > 0 && max < SmallScale)
                {
                    for (int c = 0; c < npwrs; c++)
                    {
                        v1[c] *= BigScale;
                    }

                    exponent -= Exponent;
                }

                v1s = v0s + j1 - k1;
            }
        }

        double ans = v1[n - v1s];
        for (int m = 1; m <= n; m++)
        {
            if (Math.Abs(ans) > BigScale)
            {
                ans *= SmallScale;
                exponent += Exponent;
            }

            ans *= m;
        }

        return exponent != 0 ? Math.ScaleB(ans, exponent) : ans;
    }

    /// <summary>Pelz–Good's expansion of Pr(D_n &lt;= x) in powers of 1/sqrt(n), with the theta-function forms suited to small sqrt(n)·x.</summary>
    private static double PelzGoodCdf(long n, double x)
    {
        if (x <= 0.0)
        {
            return 0.0;
        }

        if (x >= 1.0)
        {
            return 1.0;
        }

        double pi2 = Math.PI * Math.PI, pi4 = pi2 * pi2, pi6 = pi4 * pi2;
        double z = Math.Sqrt(n) * x;
        double z2 = z * z, z3 = z2 * z, z4 = z2 * z2, z6 = z4 * z2;
        double qlog = -pi2 / 8 / z2;
        if (qlog < MinLog)
        {
            return 0.0;
        }

        double q = Math.Exp(qlog);
        double k1a = -z2;
        double k1b = pi2 / 4;
        double k2a = (6 * z6) + (2 * z4);
        double k2b = ((2 * z4) - (5 * z2)) * pi2 / 4;
        double k2c = pi4 * (1 - (2 * z2)) / 16;
        double k3d = pi6 * (5 - (30 * z2)) / 64;
        double k3c = pi4 * ((-60 * z2) + (212 * z4)) / 16;
        double k3b = pi2 * ((135 * z4) - (96 * z6)) / 4;
        double k3a = (-30 * z6) - (90 * Math.Pow(z, 8));
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int maxk = (int)Math.Ceiling(16 * z / Math.PI);
        for (int k = maxk; k > 0; k--)
        {
            double m = (2 * k) - 1;
            double m2 = m * m, m4 = m2 * m2, m6 = m4 * m2;
            double qpower = Math.Pow(q, 8 * k);
            s0 = (s0 * qpower) + 1.0;
            s1 = (s1 * qpower) + (k1a + (k1b * m2));
            s2 = (s2 * qpower) + (k2a + (k2b * m2) + (k2c * m4));
            s3 = (s3 * qpower) + (k3a + (k3b * m2) + (k3c * m4) + (k3d * m6));
        }

        double sqrt2Pi = Math.Sqrt(2 * Math.PI);
        s0 = s0 * q * sqrt2Pi / z;
        s1 = s1 * q * sqrt2Pi / (6 * z4);
        s2 = s2 * q * sqrt2Pi / (72 * Math.Pow(z, 7));
        s3 = s3 * q * sqrt2Pi / (6480 * Math.Pow(z, 10));

        double q2 = Math.Exp(-pi2 / 2 / z2);
        double sqrt3z = Math.Sqrt(3) * z;
        double k2extra = 0, k3extra = 0;
        for (int k = maxk; k > 0; k--)
        {
            double k2 = (double)k * k;
            double qp = Math.Pow(q2, k2);
            double kpi = Math.PI * k;
            k2extra += k2 * qp;
            k3extra += (sqrt3z + kpi) * (sqrt3z - kpi) * k2 * qp;
        }

        s2 += k2extra * pi2 * sqrt2Pi / (-36 * z3);
        s3 += k3extra * pi2 * sqrt2Pi / (216 * z6);
        double sqrtN = Math.Sqrt(n);
        return s0 + (s1 / sqrtN) + (s2 / n) + (s3 / (n * sqrtN));
    }

    private static double LogFactorialOverPower(long n)
    {
        double rn = 1.0 / n;
        double poly = 0;
        foreach (double c in StirlingCoefficients)
        {
            poly = (poly * (rn / n)) + c;
        }

        return (Math.Log(n) / 2) - n + (Math.Log(2 * Math.PI) / 2) + (rn * poly);
    }

    private static double Clip(double p) => Math.Clamp(p, 0.0, 1.0);
}
