using System;
using MathNet.Numerics.Distributions;

namespace MonitorGen.Calibration;

/// <summary>Exact binomial and multinomial draws in time that does not grow with the number of trials.</summary>
/// <remarks>
/// Hand-written because MathNet's <c>Binomial.Sample</c> runs one Bernoulli trial per unit of n, and a reference of a million
/// rows is redrawn thousands of times at fit. Large n is halved by Knuth's beta splitting (TAOCP vol. 2, 3.4.1 F: the median
/// order statistic of n uniforms is Beta(a, b)), which is exact; a small mean is finished by inversion.
/// </remarks>
internal static class BinomialSampler
{
    // Below this mean, inversion walks about mean + 1 steps: cheaper than another beta draw.
    private const double InversionMean = 16;

    public static long Sample(Random random, long trials, double probability)
    {
        long successes = 0;
        long n = trials;
        double p = probability;
        while (n > 0)
        {
            if (p <= 0)
            {
                return successes;
            }

            if (p >= 1)
            {
                return successes + n;
            }

            if (n * Math.Min(p, 1 - p) < InversionMean)
            {
                return successes + (p <= 0.5 ? Inversion(random, n, p) : n - Inversion(random, n, 1 - p));
            }

            long a = 1 + (n / 2);
            long b = n + 1 - a;
            double x = Beta.Sample(random, a, b);
            if (x >= p)
            {
                // The a-th smallest uniform is above p: the successes are among the a - 1 below it, each uniform on [0, x).
                n = a - 1;
                p /= x;
            }
            else
            {
                successes += a;
                n = b - 1;
                p = (p - x) / (1 - x);
            }
        }

        return successes;
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
