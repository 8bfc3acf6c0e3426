using System;
using System.Linq;
using MonitorGen.Sketches;

namespace MonitorGen.Tests.Sketches;

/// <summary>The branch-free bin search agrees with its definition: the number of cuts at or below the value.</summary>
public sealed class BinEdgesTests
{
    [Fact]
    public void BinOf_counts_the_cuts_at_or_below_the_value()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 2_000; trial++)
        {
            int length = random.Next(0, 160);
            // Few distinct values, so that values often equal a cut exactly.
            double[] cuts = Enumerable.Range(0, length).Select(_ => (double)random.Next(-100, 100)).Distinct().Order().ToArray();
            for (int probe = 0; probe < 20; probe++)
            {
                double value = random.Next(-110, 110) + (random.Next(3) == 0 ? 0.5 : 0);
                Assert.Equal(cuts.Count(cut => cut <= value), BinEdges.BinOf(cuts, value));
            }
        }
    }

    [Theory]
    [InlineData(double.NegativeInfinity, 0)]
    [InlineData(0.999, 0)]
    [InlineData(1.0, 1)]
    [InlineData(2.5, 2)]
    [InlineData(3.0, 3)]
    [InlineData(double.PositiveInfinity, 3)]
    public void BinOf_puts_a_value_equal_to_a_cut_in_the_bin_above(double value, int bin) =>
        Assert.Equal(bin, BinEdges.BinOf(new[] { 1.0, 2.0, 3.0 }, value));
}
