using System;

namespace MonitorGen.Statistics;

/// <summary>Corrections of p-values for testing many features at once (evidently#238).</summary>
internal static class MultipleTesting
{
    /// <summary>Bonferroni: min(1, p·k), controlling the family-wise error rate.</summary>
    /// <param name="pValues">The k raw p-values.</param>
    /// <param name="adjusted">Receives the k adjusted p-values; may not overlap <paramref name="pValues"/> unless it is the same span.</param>
    public static void Bonferroni(ReadOnlySpan<double> pValues, Span<double> adjusted)
    {
        CheckLengths(pValues, adjusted);
        int k = pValues.Length;
        for (int i = 0; i < k; i++)
        {
            adjusted[i] = Math.Min(1.0, pValues[i] * k);
        }
    }

    /// <summary>Benjamini–Hochberg step-up adjustment, as statsmodels <c>fdr_bh</c> and <c>scipy.stats.false_discovery_control</c>.</summary>
    /// <param name="pValues">The k raw p-values.</param>
    /// <param name="adjusted">Receives the k adjusted p-values, in the input order.</param>
    public static void BenjaminiHochberg(ReadOnlySpan<double> pValues, Span<double> adjusted)
    {
        CheckLengths(pValues, adjusted);
        int k = pValues.Length;
        if (k == 0)
        {
            return;
        }

        int[] order = new int[k];
        double[] sorted = pValues.ToArray();
        for (int i = 0; i < k; i++)
        {
            order[i] = i;
        }

        Array.Sort(sorted, order);

        // The running minimum from the largest p downwards makes the adjusted values monotone in p.
        double running = 1.0;
        for (int rank = k; rank >= 1; rank--)
        {
            double candidate = sorted[rank - 1] * k / rank;
            running = Math.Min(running, candidate);
            adjusted[order[rank - 1]] = running;
        }
    }

    private static void CheckLengths(ReadOnlySpan<double> pValues, Span<double> adjusted)
    {
        if (adjusted.Length != pValues.Length)
        {
            throw new ArgumentException($"adjusted has length {adjusted.Length} but there are {pValues.Length} p-values.", nameof(adjusted));
        }

        foreach (double p in pValues)
        {
            if (!(p >= 0.0 && p <= 1.0))
            {
                throw new ArgumentException($"p-value {p} is not in [0, 1].", nameof(pValues));
            }
        }
    }
}
