using System;
using System.Buffers;

namespace MonitorGen.Statistics;

/// <summary>Two-sample two-sided Kolmogorov–Smirnov test, as <c>scipy.stats.ks_2samp(method="auto")</c>.</summary>
internal static class KolmogorovSmirnov
{
    /// <summary>Above this sample size SciPy's "auto" stops counting lattice paths and uses the one-sample distribution.</summary>
    public const int MaxExactSize = 10000;

    /// <summary>The statistic D and its p-value: exact when max(n, m) &lt;= 10000, else <c>kstwo.sf(D, round(n·m/(n+m)))</c>.</summary>
    /// <param name="reference">The reference sample, without NaN.</param>
    /// <param name="current">The current sample, without NaN.</param>
    /// <returns>D and the p-value. In the exact regime D is rounded to the lattice, h/lcm(n, m), as SciPy reports it.</returns>
    public static (double Statistic, double PValue) Test(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        (int n1, int n2, double d, long h) = Measure(reference, current);
        if (Math.Max(n1, n2) <= MaxExactSize)
        {
            d = (double)h / Lcm(n1, n2);
            double exact = ExactPValue(n1, n2, h);
            if (exact >= 0 && exact <= 1)
            {
                return (d, exact);
            }
        }

        return (d, AsymptoticPValue(n1, n2, d));
    }

    /// <summary>
    /// A p-value of D that is never below the exact one, for a calibrated decision's gate: exact below
    /// <see cref="ConservativeMinimumSize"/> values on a side; above, the one-sample distribution at the effective size
    /// (SciPy's "asymp") taken one lattice step below D and raised by 1 %, at a cost that no longer grows with n·m·D.
    /// </summary>
    /// <remarks>
    /// Without the step the asymptotic p-value falls up to 14 % below the exact one where the lattice is coarse (equal sizes);
    /// with it, at least 0.995 of it at every size pair from 200 values on that <c>tools/bench/ks_gate_check.py</c> and
    /// KsGateTests try (down to 0.84 below 100 values, where the exact count is cheap anyway).
    /// </remarks>
    internal static double ConservativePValue(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        (int n1, int n2, _, long h) = Measure(reference, current);
        return ConservativePValue(n1, n2, h);
    }

    /// <summary>Values per side from which <see cref="ConservativePValue(ReadOnlySpan{double}, ReadOnlySpan{double})"/> stops counting lattice paths.</summary>
    internal const int ConservativeMinimumSize = 200;

    /// <summary>The conservative p-value of D = h / lcm(n1, n2).</summary>
    internal static double ConservativePValue(int n1, int n2, long h)
    {
        if (Math.Min(n1, n2) < ConservativeMinimumSize)
        {
            double exact = ExactPValue(n1, n2, h);
            if (exact >= 0 && exact <= 1)
            {
                return exact;
            }
        }

        return h <= 0 ? 1.0 : Math.Min(1.0, 1.01 * AsymptoticPValue(n1, n2, (double)(h - 1) / Lcm(n1, n2)));
    }

    /// <summary>Pr(D ≥ h / lcm(n1, n2)) by counting lattice paths; outside [0, 1] when the count fails numerically.</summary>
    internal static double ExactPValue(int n1, int n2, long h) =>
        h <= 0 ? 1.0 : n1 == n2 ? ProbabilityOutsideSquare(n1, h) : ProbabilityOutsideBand(n1, n2, Gcd(n1, n2), h);

    // The sizes, D, and D's lattice step h = round(D · lcm(n1, n2)), rounded half to even as SciPy rounds it.
    private static (int N1, int N2, double D, long H) Measure(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        int n1 = reference.Length, n2 = current.Length;
        if (n1 == 0 || n2 == 0)
        {
            throw new ArgumentException("ks needs at least one value in each sample.");
        }

        double d = Statistic(reference, current);
        return (n1, n2, d, (long)Math.Round(d * Lcm(n1, n2), MidpointRounding.ToEven));
    }

    /// <summary>The lcm of the sizes: D takes the values h / lcm.</summary>
    internal static long Lcm(int n1, int n2) => n1 / Gcd(n1, n2) * n2;

    private static double AsymptoticPValue(int n1, int n2, double d)
    {
        double big = Math.Max(n1, n2), small = Math.Min(n1, n2);
        double en = big * small / (big + small);
        long effective = (long)Math.Round(en, MidpointRounding.ToEven);
        return Math.Clamp(KolmogorovDistribution.Sf(effective, d), 0.0, 1.0);
    }

    /// <summary>sup |F_ref − F_cur| over the pooled sample, with the ECDF differences formed as SciPy forms them.</summary>
    public static double Statistic(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        // Each sample is sorted once (radix sort) into pooled memory: at 10^6 values the sort is most of the test.
        double[] sortedA = RadixSort.RentSortedCopy(reference);
        double[] sortedB = RadixSort.RentSortedCopy(current);
        try
        {
            return SortedStatistic(sortedA.AsSpan(0, reference.Length), sortedB.AsSpan(0, current.Length));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(sortedB);
            ArrayPool<double>.Shared.Return(sortedA);
        }
    }

    private static double SortedStatistic(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n1 = a.Length, n2 = b.Length;
        int i = 0, j = 0;
        double maxDiff = double.NegativeInfinity, minDiff = double.PositiveInfinity;
        while (i < n1 || j < n2)
        {
            double v = i < n1 && (j >= n2 || a[i] <= b[j]) ? a[i] : b[j];
            while (i < n1 && a[i] <= v)
            {
                i++;
            }

            while (j < n2 && b[j] <= v)
            {
                j++;
            }

            double diff = ((double)i / n1) - ((double)j / n2);
            maxDiff = Math.Max(maxDiff, diff);
            minDiff = Math.Min(minDiff, diff);
        }

        double minS = Math.Clamp(-minDiff, 0, 1);
        return minS > maxDiff ? minS : maxDiff;
    }

    /// <summary>
    /// Pr(D_{n,n} &gt;= h/n) for equal sample sizes: the alternating reflection sum, evaluated Horner-style on ratios of binomials so
    /// that it neither overflows nor cancels.
    /// </summary>
    private static double ProbabilityOutsideSquare(long n, long h)
    {
        double p = 0.0;
        for (long k = n / h; k >= 0; k--)
        {
            double p1 = 1.0;
            for (long j = 0; j < h; j++)
            {
                p1 = (n - (k * h) - j) * p1 / (n + (k * h) + j + 1);
            }

            p = p1 * (1.0 - p);
        }

        return 2 * p;
    }

    /// <summary>
    /// Pr(D_{m,n} &gt;= h/lcm) by Hodges' inside method, with Viehmann's recursion that carries 1 − (fraction inside) directly, so every
    /// intermediate stays in [0, 1] (no overflow, no cancellation).
    /// </summary>
    private static double ProbabilityOutsideBand(long m, long n, long g, long h)
    {
        if (m < n)
        {
            (m, n) = (n, m);
        }

        long mg = m / g;
        long ng = n / g;
        long minj = 0;
        long maxj = Math.Min((long)Math.Ceiling((double)h / mg), n + 1);
        long curlen = maxj - minj;
        long lenA = Math.Min((2 * maxj) + 2, n + 1);
        double[] a = new double[lenA];
        a.AsSpan().Fill(1.0);
        a.AsSpan((int)minj, (int)(maxj - minj)).Clear();
        for (long i = 1; i <= m; i++)
        {
            long lastminj = minj, lastlen = curlen;
            minj = Math.Max((long)Math.Floor((double)((ng * i) - h) / mg) + 1, 0);
            minj = Math.Min(minj, n);
            maxj = Math.Min((long)Math.Ceiling((double)((ng * i) + h) / mg), n + 1);
            if (maxj <= minj)
            {
                return 1.0;
            }

            double val = minj == 0 ? 0.0 : 1.0;
            for (long jj = 0; jj < maxj - minj; jj++)
            {
                long j = jj + minj;
                val = ((a[jj + minj - lastminj] * i) + (val * j)) / (i + j);
                a[jj] = val;
            }

            curlen = maxj - minj;
            if (lastlen > curlen)
            {
                long from = maxj - minj;
                long to = Math.Min(from + (lastlen - curlen), lenA);
                a.AsSpan((int)from, (int)(to - from)).Fill(1.0);
            }
        }

        return a[maxj - minj - 1];
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
