using System;
using System.Buffers;

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
        // Each sample is sorted once; the pooled sorted sample is their merge (the same values in the same order as sorting the
        // concatenation), so the 2n-value pool is never sorted. All scratch arrays are pooled: at 10^6 values they are 8 MB each.
        double[] usArray = RadixSort.RentSortedCopy(u);
        double[] vsArray = RadixSort.RentSortedCopy(v);
        try
        {
            return SortedIntegral(usArray.AsSpan(0, u.Length), vsArray.AsSpan(0, v.Length), power);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(vsArray);
            ArrayPool<double>.Shared.Return(usArray);
        }
    }

    /// <summary>
    /// <see cref="Integral"/> of two samples already sorted ascending: what a null that draws many windows against one
    /// reference calls, so that the reference is sorted once rather than once a draw.
    /// </summary>
    public static double SortedIntegral(ReadOnlySpan<double> us, ReadOnlySpan<double> vs, int power)
    {
        int total = us.Length + vs.Length;
        double[] allArray = ArrayPool<double>.Shared.Rent(total);
        double[] termsArray = ArrayPool<double>.Shared.Rent(Math.Max(total - 1, 1));
        try
        {
            Span<double> all = allArray.AsSpan(0, total);
            Merge(us, vs, all);
            Span<double> terms = termsArray.AsSpan(0, total - 1);
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
        finally
        {
            ArrayPool<double>.Shared.Return(termsArray);
            ArrayPool<double>.Shared.Return(allArray);
        }
    }

    private static void Merge(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> into)
    {
        int i = 0, j = 0, k = 0;
        while (i < a.Length && j < b.Length)
        {
            into[k++] = b[j] < a[i] ? b[j++] : a[i++];
        }

        a[i..].CopyTo(into[k..]);
        b[j..].CopyTo(into[(k + (a.Length - i))..]);
    }
}
