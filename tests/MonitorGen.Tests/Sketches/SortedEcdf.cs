using System;

namespace MonitorGen.Tests.Sketches;

/// <summary>KS and W1 between two already sorted samples in one linear pass, so tests over many 100,000-value streams stay fast.</summary>
internal static class SortedEcdf
{
    public static double SupDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int i = 0, j = 0;
        double d = 0;
        while (i < a.Length || j < b.Length)
        {
            double v = i < a.Length && (j >= b.Length || a[i] <= b[j]) ? a[i] : b[j];
            while (i < a.Length && a[i] == v)
            {
                i++;
            }

            while (j < b.Length && b[j] == v)
            {
                j++;
            }

            d = Math.Max(d, Math.Abs(((double)i / a.Length) - ((double)j / b.Length)));
        }

        return d;
    }

    public static double Wasserstein(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int i = 0, j = 0;
        double total = 0, previous = Math.Min(a[0], b[0]);
        while (i < a.Length || j < b.Length)
        {
            double v = i < a.Length && (j >= b.Length || a[i] <= b[j]) ? a[i] : b[j];
            total += (v - previous) * Math.Abs(((double)i / a.Length) - ((double)j / b.Length));
            previous = v;
            while (i < a.Length && a[i] == v)
            {
                i++;
            }

            while (j < b.Length && b[j] == v)
            {
                j++;
            }
        }

        return total;
    }

    public static double Normal(Random random)
    {
        double u = 1.0 - random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
