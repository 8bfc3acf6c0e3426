using System;

namespace MonitorGen.Statistics;

/// <summary>Jensen–Shannon distance (natural log), as <c>scipy.spatial.distance.jensenshannon</c>.</summary>
internal static class JensenShannon
{
    /// <summary>sqrt((KL(p‖m) + KL(q‖m))/2) with m = (p + q)/2, after normalising p and q to sum 1. No zero filling.</summary>
    public static double Distance(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double[] pn = Normalise(p);
        double[] qn = Normalise(q);
        double[] left = new double[pn.Length];
        double[] right = new double[pn.Length];
        for (int i = 0; i < pn.Length; i++)
        {
            double m = (pn[i] + qn[i]) / 2.0;
            left[i] = RelativeEntropy(pn[i], m);
            right[i] = RelativeEntropy(qn[i], m);
        }

        double js = PairwiseSum.Sum(left) + PairwiseSum.Sum(right);
        return Math.Sqrt(js / 2.0);
    }

    /// <summary>SciPy's <c>rel_entr</c>: x·ln(x/y), 0 when x = 0, +∞ when only y is 0.</summary>
    internal static double RelativeEntropy(double x, double y)
    {
        if (x > 0 && y > 0)
        {
            return x * Math.Log(x / y);
        }

        return x == 0 && y >= 0 ? 0.0 : double.PositiveInfinity;
    }

    internal static double[] Normalise(ReadOnlySpan<double> values)
    {
        double total = PairwiseSum.Sum(values);
        if (!(total > 0))
        {
            throw new ArgumentException("A proportion vector must have a positive sum.");
        }

        double[] result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = values[i] / total;
        }

        return result;
    }
}
