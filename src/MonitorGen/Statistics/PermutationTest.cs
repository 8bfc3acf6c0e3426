using System;

namespace MonitorGen.Statistics;

/// <summary>Shared settings and the counting rule of the permutation p-values (TVD, empirical_mmd).</summary>
internal static class PermutationTest
{
    /// <summary>Number of random relabellings.</summary>
    public const int Permutations = 1000;

    /// <summary>Seed of <see cref="Random"/>, fixed so that a result is reproducible.</summary>
    public const int Seed = 0;

    /// <summary>Relative slack under which a permuted statistic counts as equal to the observed one (rounding, not evidence).</summary>
    public const double RelativeTieTolerance = 1e-12;

    /// <summary>p = #{permutations with statistic &gt;= observed} / permutations (Evidently's rule, no +1 correction).</summary>
    internal static double PValue(double observed, ReadOnlySpan<double> permuted)
    {
        double slack = Math.Abs(observed) * RelativeTieTolerance;
        int atLeast = 0;
        foreach (double t in permuted)
        {
            if (t >= observed - slack)
            {
                atLeast++;
            }
        }

        return (double)atLeast / permuted.Length;
    }

    /// <summary>Moves a uniformly random subset of <paramref name="take"/> items to the front of <paramref name="items"/> (partial Fisher–Yates).</summary>
    internal static void ShuffleFront(Span<int> items, int take, Random random)
    {
        for (int i = 0; i < take; i++)
        {
            int j = random.Next(i, items.Length);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
