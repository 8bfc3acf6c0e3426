using System;

namespace MonitorGen.Calibration;

/// <summary>Exact binomial and multinomial draws in time that does not grow with the number of trials.</summary>
/// <remarks>
/// Hand-written because MathNet's <c>Binomial.Sample</c> runs one Bernoulli trial per unit of n, and a reference of a million
/// rows is redrawn thousands of times at fit and in the CLI. A mean of at least 16 is drawn by Hörmann's transformed
/// rejection with squeeze (BTRS: W. Hörmann, "The generation of binomial random variates", J. Statist. Comput. Simul. 46,
/// 1993), which is exact and takes about 1.2 uniform pairs and rarely a logarithm; a smaller mean by inversion.
/// </remarks>
internal static class BinomialSampler
{
    // Below this mean, inversion walks about mean + 1 steps; above it BTRS is valid (it needs n·min(p, 1 − p) ≥ 10).
    private const double InversionMean = 16;

    // log k! − Stirling's approximation of it, for k ≤ 9 (the series below is exact to double precision above).
    private static readonly double[] StirlingTail =
    [
        0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211,
        0.0138761288230707, 0.0118967099458917, 0.0104112652619720, 0.00925546218271273, 0.00833056343336287,
    ];

    public static long Sample(Random random, long trials, double probability)
    {
        if (trials <= 0 || probability <= 0)
        {
            return 0;
        }

        if (probability >= 1)
        {
            return trials;
        }

        double p = Math.Min(probability, 1 - probability);
        long k = trials * p < InversionMean ? Inversion(random, trials, p) : TransformedRejection(random, trials, p);
        return probability <= 0.5 ? k : trials - k;
    }

    /// <summary>Fills <paramref name="counts"/> with a multinomial draw of <paramref name="trials"/> over <paramref name="probabilities"/>
    /// (which sum to 1), one conditional binomial per cell.</summary>
    public static void Multinomial(Random random, long trials, ReadOnlySpan<double> probabilities, Span<double> counts)
    {
        int last = probabilities.Length - 1;
        while (last > 0 && probabilities[last] <= 0)
        {
            last--;
        }

        long left = trials;
        double mass = 1;
        for (int i = 0; i < probabilities.Length; i++)
        {
            // The last cell that can hold anything takes the rest, so that rounding in the conditional masses loses no trial.
            if (left == 0 || i >= last)
            {
                if (i > last)
                {
                    counts[i] = 0;
                    continue;
                }

                counts[i] = left;
                left = 0;
                continue;
            }

            double p = mass <= 0 ? 1 : Math.Clamp(probabilities[i] / mass, 0, 1);
            long k = Sample(random, left, p);
            counts[i] = k;
            left -= k;
            mass -= probabilities[i];
        }
    }

    // BTRS for p <= 0.5 and n·p >= 16: a transformed uniform pair proposes k; most proposals fall in the box where they
    // are accepted at once, the rest are accepted against log f(k)/f(m), with the factorials through Stirling's series.
    private static long TransformedRejection(Random random, long n, double p)
    {
        double q = 1 - p;
        double spq = Math.Sqrt(n * p * q);
        double b = 1.15 + (2.53 * spq);
        double a = -0.0873 + (0.0248 * b) + (0.01 * p);
        double c = (n * p) + 0.5;
        double vr = 0.92 - (4.2 / b);
        double alpha = (2.83 + (5.1 / b)) * spq;
        double r = p / q;
        double m = Math.Floor((n + 1) * p);
        while (true)
        {
            double u = random.NextDouble() - 0.5;
            double v = random.NextDouble();
            double us = 0.5 - Math.Abs(u);
            double k = Math.Floor((((2 * a / us) + b) * u) + c);
            if (k < 0 || k > n)
            {
                continue;
            }

            if (us >= 0.07 && v <= vr)
            {
                return (long)k;
            }

            v = Math.Log(v * alpha / ((a / (us * us)) + b));
            double bound = ((m + 0.5) * Math.Log((m + 1) / (r * (n - m + 1))))
                + ((n + 1) * Math.Log((n - m + 1) / (n - k + 1)))
                + ((k + 0.5) * Math.Log(r * (n - k + 1) / (k + 1)))
                + Tail(m) + Tail(n - m) - Tail(k) - Tail(n - k);
            if (v <= bound)
            {
                return (long)k;
            }
        }
    }

    private static double Tail(double k)
    {
        if (k <= 9)
        {
            return StirlingTail[(int)k];
        }

        double square = (k + 1) * (k + 1);
        return ((1.0 / 12) - (((1.0 / 360) - (1.0 / 1260 / square)) / square)) / (k + 1);
    }

    // Sequential search of the binomial CDF from 0 (p <= 0.5 and a small mean, so q^n does not underflow).
    private static long Inversion(Random random, long n, double p)
    {
        double q = 1 - p;
        double s = p / q;
        double a = (n + 1) * s;
        double r = Math.Pow(q, n);
        double u = random.NextDouble();
        long x = 0;
        while (u > r && x < n)
        {
            u -= r;
            x++;
            r *= (a / x) - s;
        }

        return x;
    }
}
