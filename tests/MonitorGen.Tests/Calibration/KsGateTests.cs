using System;
using System.Collections.Generic;
using MonitorGen.Statistics;

namespace MonitorGen.Tests.Calibration;

/// <summary>The KS gate's p-value, asymptotic from 200 values a side, is never below the exact one it stands in for.</summary>
public sealed class KsGateTests
{
    public static TheoryData<int, int> Sizes() => new()
    {
        { 200, 200 }, { 200, 2048 }, { 300, 300 }, { 400, 2048 }, { 512, 2048 }, { 997, 2048 }, { 1000, 1000 }, { 1024, 2048 },
        { 1400, 2048 }, { 2048, 2048 }, { 450, 5000 }, { 792, 4252 }, { 1000, 5000 }, { 2048, 5000 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void The_gate_p_value_is_at_least_the_exact_one_down_to_one_in_a_million(int n1, int n2)
    {
        long lcm = KolmogorovSmirnov.Lcm(n1, n2);
        double effective = (double)n1 * n2 / (n1 + n2);

        // From D = 0 to where the exact p-value is about 1e-6 (the Kolmogorov tail 2·exp(−2·n_e·D²)), with the lattice points on
        // either side of each step, where a coarse lattice puts its atoms.
        double largest = Math.Sqrt(Math.Log(2 / 1e-6) / (2 * effective));
        var checkedPoints = new List<(long H, double Exact, double Gate)>();
        for (int step = 1; step <= 200; step++)
        {
            long centre = (long)Math.Round(largest * step / 200 * lcm);
            for (long h = Math.Max(1, centre - 1); h <= centre + 1; h++)
            {
                // Near D = 0 the count can round past 1; the test then falls back to the asymptotic value, as SciPy does.
                double exact = KolmogorovSmirnov.ExactPValue(n1, n2, h);
                if (exact is < 0 or > 1)
                {
                    Assert.True(exact is > 1 and < 1 + 1e-9, $"n1={n1}, n2={n2}, D={h}/{lcm}: the exact count failed ({exact:R})");
                    continue;
                }

                double gate = KolmogorovSmirnov.ConservativePValue(n1, n2, h);
                checkedPoints.Add((h, exact, gate));
                Assert.True(gate >= exact, $"n1={n1}, n2={n2}, D={h}/{lcm}: gate {gate:R} < exact {exact:R}");
            }
        }

        // The gate stays close: never more than twice the exact p-value where that is at least 1e-4 (so it costs little power).
        foreach ((long h, double exact, double gate) in checkedPoints)
        {
            if (exact >= 1e-4)
            {
                Assert.True(gate <= Math.Min(1, 2 * exact), $"n1={n1}, n2={n2}, D={h}/{lcm}: gate {gate:R} > 2 × exact {exact:R}");
            }
        }
    }

    [Fact]
    public void Below_two_hundred_values_a_side_the_gate_is_the_exact_test()
    {
        var random = new Random(5);
        double[] reference = new double[2048];
        double[] current = new double[150];
        for (int i = 0; i < reference.Length; i++)
        {
            reference[i] = random.NextDouble();
        }

        for (int i = 0; i < current.Length; i++)
        {
            current[i] = random.NextDouble() + 0.05;
        }

        Assert.Equal(KolmogorovSmirnov.Test(reference, current).PValue, KolmogorovSmirnov.ConservativePValue(reference, current));
    }
}
