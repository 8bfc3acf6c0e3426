using System;

namespace MonitorGen.Statistics;

/// <summary>Kullback–Leibler divergence KL(ref‖cur) over zero-filled proportions (Evidently's <c>kl_div</c>, via <c>scipy.stats.entropy</c>).</summary>
internal static class KullbackLeibler
{
    /// <summary>Σ r·ln(r/c) after zero filling and normalising each vector to sum 1.</summary>
    public static double Divergence(ReadOnlySpan<double> referenceProportions, ReadOnlySpan<double> currentProportions)
    {
        double[] r = referenceProportions.ToArray();
        double[] c = currentProportions.ToArray();
        Binning.FillZeros(r);
        Binning.FillZeros(c);
        r = JensenShannon.Normalise(r);
        c = JensenShannon.Normalise(c);
        double[] terms = new double[r.Length];
        for (int i = 0; i < r.Length; i++)
        {
            terms[i] = JensenShannon.RelativeEntropy(r[i], c[i]);
        }

        return PairwiseSum.Sum(terms);
    }
}
