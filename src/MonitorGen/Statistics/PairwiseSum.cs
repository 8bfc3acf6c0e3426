using System;
using System.Buffers;

namespace MonitorGen.Statistics;

/// <summary>
/// NumPy's pairwise summation (blocks of 128, eight accumulators). Sums that cancel (KL, Jensen–Shannon) then round as SciPy's do,
/// which keeps the comparison with the reference tight, and the error grows as O(log n) rather than O(n).
/// </summary>
internal static class PairwiseSum
{
    private const int BlockSize = 128;

    public static double Sum(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        if (n < 8)
        {
            double res = 0.0;
            foreach (double v in values)
            {
                res += v;
            }

            return res;
        }

        if (n <= BlockSize)
        {
            double r0 = values[0], r1 = values[1], r2 = values[2], r3 = values[3];
            double r4 = values[4], r5 = values[5], r6 = values[6], r7 = values[7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8)
            {
                r0 += values[i];
                r1 += values[i + 1];
                r2 += values[i + 2];
                r3 += values[i + 3];
                r4 += values[i + 4];
                r5 += values[i + 5];
                r6 += values[i + 6];
                r7 += values[i + 7];
            }

            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++)
            {
                res += values[i];
            }

            return res;
        }

        int half = n / 2;
        half -= half % 8;
        return Sum(values[..half]) + Sum(values[half..]);
    }

    /// <summary>Population standard deviation (ddof = 0) as <c>numpy.std</c> computes it.</summary>
    public static double PopulationStd(ReadOnlySpan<double> values)
    {
        double mean = Sum(values) / values.Length;
        double[] squares = ArrayPool<double>.Shared.Rent(values.Length);
        try
        {
            Span<double> sq = squares.AsSpan(0, values.Length);
            for (int i = 0; i < values.Length; i++)
            {
                double d = values[i] - mean;
                sq[i] = d * d;
            }

            return Math.Sqrt(Sum(sq) / values.Length);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(squares);
        }
    }

    /// <summary>The mean as <c>numpy.mean</c> computes it.</summary>
    public static double Mean(ReadOnlySpan<double> values) => Sum(values) / values.Length;
}
