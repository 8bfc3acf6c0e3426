using System;
using System.Collections.Generic;
using System.Linq;

namespace MonitorGen.IntegrationTests.Alerting;

/// <summary>
/// The fleet rules' three statistics over reference and current counts on the same bins, written out here as the
/// comparison the test makes with PromQL: PSI on Evidently's zero-filled proportions, the Jensen–Shannon distance
/// (natural log, no filling) and Pearson's χ² of the counts against the reference proportions (bins the reference never
/// saw left out). The library's own PSI is compared too, for the feature whose method is PSI.
/// </summary>
internal static class BinStatistics
{
    public static double Psi(IReadOnlyList<long> reference, IReadOnlyList<long> current)
    {
        double[] r = Fill(Proportions(reference));
        double[] c = Fill(Proportions(current));
        return r.Zip(c, (a, b) => (a - b) * Math.Log(a / b)).Sum();
    }

    public static double JensenShannon(IReadOnlyList<long> reference, IReadOnlyList<long> current)
    {
        double[] q = Proportions(reference);
        double[] p = Proportions(current);
        double left = 0, right = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double m = (p[i] + q[i]) / 2;
            left += p[i] > 0 ? p[i] * Math.Log(p[i] / m) : 0;
            right += q[i] > 0 ? q[i] * Math.Log(q[i] / m) : 0;
        }

        return Math.Sqrt((left + right) / 2);
    }

    public static double ChiSquare(IReadOnlyList<long> reference, IReadOnlyList<long> current)
    {
        double[] q = Proportions(reference);
        double n = current.Sum();
        double statistic = 0;
        for (int i = 0; i < q.Length; i++)
        {
            if (q[i] > 0)
            {
                double expected = n * q[i];
                statistic += (current[i] - expected) * (current[i] - expected) / expected;
            }
        }

        return statistic;
    }

    private static double[] Proportions(IReadOnlyList<long> counts)
    {
        double total = counts.Sum();
        return counts.Select(c => c / total).ToArray();
    }

    private static double[] Fill(double[] proportions)
    {
        double smallest = proportions.Where(p => p > 0).Min();
        double fill = smallest <= 1e-4 ? smallest / 1e6 : 1e-4;
        return proportions.Select(p => p == 0 ? fill : p).ToArray();
    }
}
