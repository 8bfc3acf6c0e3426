using System;
using MonitorGen.Calibration;

namespace MonitorGen;

/// <summary>
/// A feature's drift statistic under no drift, at a ladder of window sizes: drawn at fit time by resampling the
/// reference, so that a check turns a distance into a p-value and a threshold without resampling.
/// </summary>
/// <remarks>
/// Each rung keeps the statistic at the tail probabilities of a fixed grid (see docs/statistics.md), as pairs of a value
/// and P(S ≥ value) counted over the draws with a +1 correction. A p-value between two stored values is interpolated
/// (log p linear in the statistic), between two rungs interpolated in log size, and beyond the last value extrapolated
/// along an exponential tail. Below the first rung the first rung is used, above the last rung the last.
/// </remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class NullDistribution
{
    /// <summary>Draws per rung.</summary>
    public int Resamples { get; set; }

    /// <summary>The reference size each draw used (the profile's count, or its sample size for sample-based methods).</summary>
    public long ReferenceSize { get; set; }

    /// <summary>The window sizes of the rungs, strictly increasing.</summary>
    public int[] Sizes { get; set; } = Array.Empty<int>();

    /// <summary>Per rung, the stored statistic values, strictly increasing.</summary>
    public double[][] Values { get; set; } = Array.Empty<double[]>();

    /// <summary>Per rung, P(S ≥ value) for each of <see cref="Values"/>, strictly decreasing, the first equal to 1.</summary>
    public double[][] TailProbabilities { get; set; } = Array.Empty<double[]>();

    /// <summary>Builds a distribution from one array of null draws per rung.</summary>
    internal static NullDistribution FromDraws(long referenceSize, ReadOnlySpan<int> sizes, Func<int, double[]> drawsAt)
    {
        var values = new double[sizes.Length][];
        var tails = new double[sizes.Length][];
        int resamples = 0;
        for (int j = 0; j < sizes.Length; j++)
        {
            double[] draws = drawsAt(sizes[j]);
            resamples = draws.Length;
            (values[j], tails[j]) = Rung(draws);
        }

        return new NullDistribution
        {
            Resamples = resamples,
            ReferenceSize = referenceSize,
            Sizes = sizes.ToArray(),
            Values = values,
            TailProbabilities = tails,
        };
    }

    /// <summary>The grid quantiles of one rung's draws, each with its tail probability (#draws ≥ value + 1) / (draws + 1).</summary>
    internal static (double[] Values, double[] Tails) Rung(double[] draws)
    {
        // A draw that is not finite (a category the window holds and the reference lacks) is beyond every finite statistic.
        double[] sorted = new double[draws.Length];
        for (int i = 0; i < draws.Length; i++)
        {
            sorted[i] = double.IsFinite(draws[i]) ? draws[i] : double.MaxValue;
        }

        Array.Sort(sorted);
        int b = sorted.Length;
        ReadOnlySpan<double> grid = DriftCalibration.TailGrid;
        var values = new double[grid.Length];
        var tails = new double[grid.Length];
        int kept = 0;
        foreach (double g in grid)
        {
            int index = Math.Clamp((int)Math.Ceiling((1 - g) * b), 0, b - 1);
            double value = sorted[index];
            if (kept > 0 && value <= values[kept - 1])
            {
                continue;
            }

            int below = Statistics.SortedSearch.LowerBound(sorted, value);
            values[kept] = value;
            tails[kept] = (double)(b - below + 1) / (b + 1);
            kept++;
        }

        tails[0] = 1;
        return (values[..kept], tails[..kept]);
    }

    /// <summary>P(S ≥ <paramref name="statistic"/>) under no drift for a window of <paramref name="currentSize"/> values.</summary>
    internal double PValue(long currentSize, double statistic)
    {
        if (double.IsNaN(statistic))
        {
            return 1;
        }

        // As the draws were stored: an infinite statistic (a category the reference lacks) sits at the largest finite value.
        statistic = Math.Min(statistic, double.MaxValue);
        (int lower, int upper, double weight) = Bracket(currentSize);
        double p = RungPValue(lower, statistic);
        if (upper == lower)
        {
            return p;
        }

        double q = RungPValue(upper, statistic);
        return Math.Exp(((1 - weight) * Math.Log(p)) + (weight * Math.Log(q)));
    }

    /// <summary>The smallest statistic whose p-value is at most <paramref name="alpha"/>; +∞ when none is.</summary>
    internal double Threshold(long currentSize, double alpha)
    {
        (int lower, int upper, _) = Bracket(currentSize);
        double lo = Math.Min(Values[lower][0], Values[upper][0]);
        double hi = Math.Max(Values[lower][^1], Values[upper][^1]);
        double span = Math.Max(hi - lo, Math.Max(Math.Abs(hi), 1e-12));
        for (int i = 0; i < 64 && PValue(currentSize, hi) > alpha; i++)
        {
            hi += span;
            span *= 2;
        }

        if (PValue(currentSize, hi) > alpha)
        {
            return double.PositiveInfinity;
        }

        for (int i = 0; i < 100 && hi - lo > 1e-12 * Math.Max(1, Math.Abs(hi)); i++)
        {
            double mid = lo + ((hi - lo) / 2);
            if (PValue(currentSize, mid) <= alpha)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return hi;
    }

    // The rungs around a size, and the weight of the upper one in log size.
    private (int Lower, int Upper, double Weight) Bracket(long currentSize)
    {
        int[] sizes = Sizes;
        if (currentSize <= sizes[0])
        {
            return (0, 0, 0);
        }

        if (currentSize >= sizes[^1])
        {
            return (sizes.Length - 1, sizes.Length - 1, 0);
        }

        int upper = 1;
        while (sizes[upper] < currentSize)
        {
            upper++;
        }

        if (sizes[upper] == currentSize)
        {
            return (upper, upper, 0);
        }

        double weight = (Math.Log(currentSize) - Math.Log(sizes[upper - 1])) / (Math.Log(sizes[upper]) - Math.Log(sizes[upper - 1]));
        return (upper - 1, upper, weight);
    }

    private double RungPValue(int rung, double statistic)
    {
        double[] values = Values[rung];
        double[] tails = TailProbabilities[rung];
        if (statistic <= values[0])
        {
            return 1;
        }

        int last = values.Length - 1;
        if (statistic == values[last])
        {
            return tails[last];
        }

        if (statistic > values[last])
        {
            if (last == 0)
            {
                // Every draw was the same value: beyond it lies no draw at all.
                return statistic == values[0] ? 1 : 1.0 / (Resamples + 1);
            }

            double slope = Math.Log(tails[last - 1] / tails[last]) / (values[last] - values[last - 1]);
            return tails[last] * Math.Exp(-slope * (statistic - values[last]));
        }

        int i = 1;
        while (values[i] <= statistic)
        {
            i++;
        }

        double t = (statistic - values[i - 1]) / (values[i] - values[i - 1]);
        return Math.Exp(((1 - t) * Math.Log(tails[i - 1])) + (t * Math.Log(tails[i])));
    }
}
