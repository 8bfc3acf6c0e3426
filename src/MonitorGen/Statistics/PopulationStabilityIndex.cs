using System;

namespace MonitorGen.Statistics;

/// <summary>Population stability index over zero-filled proportions (Evidently's <c>psi</c>).</summary>
internal static class PopulationStabilityIndex
{
    /// <summary>Σ (r − c)·ln(r/c); zeros in either vector are filled first (see <see cref="Binning.FillZeros"/>).</summary>
    public static double Compute(ReadOnlySpan<double> referenceProportions, ReadOnlySpan<double> currentProportions)
    {
        double[] r = referenceProportions.ToArray();
        double[] c = currentProportions.ToArray();
        Binning.FillZeros(r);
        Binning.FillZeros(c);
        double[] terms = new double[r.Length];
        for (int i = 0; i < r.Length; i++)
        {
            terms[i] = (r[i] - c[i]) * Math.Log(r[i] / c[i]);
        }

        return PairwiseSum.Sum(terms);
    }
}
