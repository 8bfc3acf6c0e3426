using System;
using System.Collections.Generic;

namespace MonitorGen.Statistics;

/// <summary>
/// Two-sample Cramér–von Mises test, as <c>scipy.stats.cramervonmises_2samp(method="auto")</c>: exact (Xiao, Gordon and Yakovlev's
/// path counting) when max(n, m) &lt;= 20, otherwise the standardised statistic referred to the limiting one-sample distribution.
/// </summary>
internal static class CramerVonMises
{
    /// <summary>Largest sample size with an exact p-value.</summary>
    public const int MaxExactSize = 20;

    /// <summary>The statistic T and its p-value.</summary>
    /// <param name="reference">The reference sample, at least 2 values.</param>
    /// <param name="current">The current sample, at least 2 values.</param>
    /// <returns>T and the p-value.</returns>
    public static (double Statistic, double PValue) Test(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        int nx = reference.Length, ny = current.Length;
        if (nx <= 1 || ny <= 1)
        {
            throw new ArgumentException("cramer_von_mises needs at least two values in each sample.");
        }

        double[] xa = reference.ToArray();
        double[] ya = current.ToArray();
        Array.Sort(xa);
        Array.Sort(ya);
        double[] r = Ranks.MidRanks(Ranks.Pool(xa, ya), out _);
        double[] dx = new double[nx];
        double[] dy = new double[ny];
        for (int i = 0; i < nx; i++)
        {
            double d = r[i] - (i + 1);
            dx[i] = d * d;
        }

        for (int i = 0; i < ny; i++)
        {
            double d = r[nx + i] - (i + 1);
            dy[i] = d * d;
        }

        double u = (nx * PairwiseSum.Sum(dx)) + (ny * PairwiseSum.Sum(dy));
        double k = (double)nx * ny;
        double bigN = nx + ny;
        double t = (u / (k * bigN)) - (((4 * k) - 1) / (6 * bigN));
        double p;
        if (Math.Max(nx, ny) <= MaxExactSize)
        {
            p = ExactPValue(u, nx, ny);
        }
        else
        {
            double et = (1 + (1 / bigN)) / 6;
            double vt = (bigN + 1) * ((4 * k * bigN) - (3 * (((double)nx * nx) + ((double)ny * ny))) - (2 * k));
            vt /= 45 * bigN * bigN * 4 * k;
            double tn = (1.0 / 6) + ((t - et) / Math.Sqrt(45 * vt));
            p = tn < 0.003 ? 1.0 : Math.Max(0, 1.0 - LimitingCdf(tn));
        }

        return (t, p);
    }

    /// <summary>
    /// Pr(U' &gt;= U) by counting lattice paths with their accumulated Σ (a·v − b·u)², keeping per (u, v) a table of sums and counts
    /// (Xiao, Gordon and Yakovlev 2006, algorithm 1).
    /// </summary>
    private static double ExactPValue(double s, int m, int n)
    {
        long lcm = Lcm(m, n);
        long a = lcm / m, b = lcm / n;
        long mn = (long)m * n;
        double zeta = Math.Floor(lcm * (double)lcm * (m + n) * ((6 * s) - (mn * ((4 * mn) - 1))) / (6.0 * mn * mn));

        var gs = new Dictionary<long, long>[m + 1];
        gs[0] = new Dictionary<long, long> { [0] = 1 };
        for (int v = 1; v <= m; v++)
        {
            gs[v] = [];
        }

        for (int u = 0; u <= n; u++)
        {
            var next = new Dictionary<long, long>[m + 1];
            var tmp = new Dictionary<long, long>();
            for (int v = 0; v <= m; v++)
            {
                var merged = new Dictionary<long, long>(tmp.Count + gs[v].Count);
                long add = ((a * v) - (b * u)) * ((a * v) - (b * u));
                foreach (KeyValuePair<long, long> e in tmp)
                {
                    merged[e.Key + add] = e.Value;
                }

                foreach (KeyValuePair<long, long> e in gs[v])
                {
                    merged[e.Key + add] = merged.GetValueOrDefault(e.Key + add) + e.Value;
                }

                tmp = merged;
                next[v] = tmp;
            }

            gs = next;
        }

        long atLeast = 0, all = 0;
        foreach (KeyValuePair<long, long> e in gs[m])
        {
            all += e.Value;
            if (e.Key >= zeta)
            {
                atLeast += e.Value;
            }
        }

        return (double)atLeast / all;
    }

    /// <summary>The limiting CDF of the one-sample statistic (Csörgő and Faraway's series), summed until a term is below 1e-7 as SciPy does.</summary>
    private static double LimitingCdf(double x)
    {
        double total = 0;
        double gammaRatio = Math.Sqrt(Math.PI); // Γ(k + 1/2)/Γ(k + 1), updated exactly by its recurrence
        for (int k = 0; ; k++)
        {
            if (k > 0)
            {
                gammaRatio *= (k - 0.5) / k;
            }

            double u = gammaRatio / (Math.Pow(Math.PI, 1.5) * Math.Sqrt(x));
            double y = (4 * k) + 1;
            double q = y * y / (16 * x);
            double term = u * Math.Sqrt(y) * Math.Exp(-2 * q) * ScaledBesselKQuarter(q);
            total += term;
            if (Math.Abs(term) < 1e-7)
            {
                return total;
            }
        }
    }

    /// <summary>
    /// e^q·K_{1/4}(q) = ∫₀^∞ exp(−q(cosh t − 1)) cosh(t/4) dt by the trapezoidal rule, which converges geometrically for this analytic,
    /// doubly-exponentially decaying integrand.
    /// </summary>
    internal static double ScaledBesselKQuarter(double q)
    {
        const double step = 1.0 / 64;
        double sum = 0.5; // t = 0 term, weight 1/2
        for (int i = 1; ; i++)
        {
            double t = i * step;
            double f = Math.Exp(-q * (Math.Cosh(t) - 1)) * Math.Cosh(t / 4);
            sum += f;
            if (f < 1e-18 * sum)
            {
                break;
            }
        }

        return sum * step;
    }

    private static long Lcm(long a, long b)
    {
        long x = a, y = b;
        while (y != 0)
        {
            (x, y) = (y, x % y);
        }

        return a / x * b;
    }
}
