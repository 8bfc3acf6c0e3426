using System;
using System.Linq;
using CsCheck;
using MonitorGen.Sketches;

namespace MonitorGen.Tests.Sketches;

/// <summary>Merging window sketches is associative and commutative (property tests with CsCheck).</summary>
public sealed class MergePropertyTests
{
    private const int Bins = 6;

    private static readonly Gen<long[]> CountVector = Gen.Long[0, 40].Array[Bins];

    private static readonly Gen<double[]> Values = Gen.Double[-1e6, 1e6].Array[0, 200];

    private static CountVector Counts(long[] values)
    {
        var counts = new CountVector(values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            for (long j = 0; j < values[i]; j++)
            {
                counts.Increment(i);
            }
        }

        return counts;
    }

    private static long[] Read(CountVector counts) => Enumerable.Range(0, counts.Length).Select(i => counts[i]).ToArray();

    private static long[] Sum(params long[][] parts) => Read(parts.Aggregate(new CountVector(Bins), (acc, p) =>
    {
        acc.Add(Counts(p));
        return acc;
    }));

    [Fact]
    public void Count_merge_is_commutative_and_associative()
    {
        Gen.Select(CountVector, CountVector, CountVector).Sample((a, b, c) =>
        {
            var ab = Counts(a);
            ab.Add(Counts(b));
            var ba = Counts(b);
            ba.Add(Counts(a));
            Assert.Equal(Read(ab), Read(ba));

            var abThenC = Counts(a);
            abThenC.Add(Counts(b));
            abThenC.Add(Counts(c));
            var bc = Counts(b);
            bc.Add(Counts(c));
            var aThenBc = Counts(a);
            aThenBc.Add(bc);
            Assert.Equal(Read(abThenC), Read(aThenBc));
            Assert.Equal(Read(abThenC), Sum(a, b, c));
            Assert.Equal(a.Sum() + b.Sum() + c.Sum(), abThenC.Total());
        }, iter: 200);
    }

    [Fact]
    public void Data_quality_merge_is_commutative_and_associative()
    {
        var issues = new[] { DataQualityIssues.Missing, DataQualityIssues.NonFinite, DataQualityIssues.OutOfRange, DataQualityIssues.UnseenCategory };
        Gen<int[]> quality = Gen.Int[0, 30].Array[4];
        DataQualityCounts Build(int[] n)
        {
            var counts = new DataQualityCounts();
            for (int k = 0; k < 4; k++)
            {
                for (int j = 0; j < n[k]; j++)
                {
                    counts.Increment(issues[k]);
                }
            }

            return counts;
        }

        static long[] Of(DataQualityCounts q) => [q.Missing, q.NonFinite, q.OutOfRange, q.UnseenCategory];

        Gen.Select(quality, quality, quality).Sample((a, b, c) =>
        {
            var ab = Build(a);
            ab.Add(Build(b));
            var ba = Build(b);
            ba.Add(Build(a));
            Assert.Equal(Of(ab), Of(ba));

            ab.Add(Build(c));
            var bc = Build(b);
            bc.Add(Build(c));
            var aBc = Build(a);
            aBc.Add(bc);
            Assert.Equal(Of(ab), Of(aBc));
            Assert.Equal(a.Sum() + b.Sum() + c.Sum(), ab.Total);
        }, iter: 200);
    }

    [Fact]
    public void Moment_merge_is_exactly_commutative_associative_within_rounding_and_equals_one_pass()
    {
        Gen.Select(Values, Values, Values).Sample((a, b, c) =>
        {
            RunningMoments ma = RunningMoments.Of(a), mb = RunningMoments.Of(b), mc = RunningMoments.Of(c);
            Assert.Equal(ma.Merge(mb), mb.Merge(ma));

            RunningMoments left = ma.Merge(mb).Merge(mc), right = ma.Merge(mb.Merge(mc));
            RunningMoments whole = RunningMoments.Of(a.Concat(b).Concat(c).ToArray());
            foreach (RunningMoments m in new[] { left, right })
            {
                Assert.Equal(whole.Count, m.Count);
                Assert.Equal(whole.Min, m.Min);
                Assert.Equal(whole.Max, m.Max);
                // Rounding scales with the magnitude of the data (|x| ≤ 1e6) and, for M2, with n·max(x²).
                Assert.True(Math.Abs(whole.Mean - m.Mean) <= 1e-9 * 1e6, $"mean {whole.Mean} vs {m.Mean}");
                Assert.True(Math.Abs(whole.M2 - m.M2) <= 1e-9 * Math.Max(1, whole.Count) * 1e12, $"M2 {whole.M2} vs {m.M2}");
            }
        }, iter: 300);
    }

    [Fact]
    public void Moments_match_the_two_pass_definition()
    {
        double[] values = [2, 4, 4, 4, 5, 5, 7, 9];
        RunningMoments m = RunningMoments.Of(values.AsSpan(0, 3)).Merge(RunningMoments.Of(values.AsSpan(3)));
        Assert.Equal(8, m.Count);
        Assert.Equal(5, m.Mean, 12);
        Assert.Equal(2, m.PopulationStandardDeviation, 12);
        Assert.Equal(32.0 / 7, m.SampleVariance, 12);
        Assert.Equal(2, m.Min);
        Assert.Equal(9, m.Max);
        Assert.True(double.IsNaN(RunningMoments.Empty.PopulationVariance));
        Assert.Equal(RunningMoments.Of(values), RunningMoments.Empty.Merge(RunningMoments.Of(values)));
    }

    [Fact]
    public void Categorical_window_merge_is_commutative_and_associative()
    {
        Gen<int[]> codes = Gen.Int[0, Bins].Array[0, 300];
        CategoricalWindow Build(int[] slots)
        {
            var window = new CategoricalWindow(Bins);
            foreach (int slot in slots)
            {
                window.Counts.Increment(slot);
            }

            window.Quality.Increment(DataQualityIssues.UnseenCategory);
            return window;
        }

        static long[] Of(CategoricalWindow w) => Read(w.Counts).Append(w.Quality.UnseenCategory).ToArray();

        Gen.Select(codes, codes, codes).Sample((a, b, c) =>
        {
            var ab = Build(a);
            ab.Merge(Build(b));
            var ba = Build(b);
            ba.Merge(Build(a));
            Assert.Equal(Of(ab), Of(ba));
            ab.Merge(Build(c));
            var bc = Build(b);
            bc.Merge(Build(c));
            var aBc = Build(a);
            aBc.Merge(bc);
            Assert.Equal(Of(ab), Of(aBc));
            Assert.Equal(a.Length + b.Length + c.Length, ab.Count);
        }, iter: 200);
    }

    [Fact]
    public void Reservoir_merge_sums_seen_keeps_min_of_capacity_and_union_and_draws_only_from_the_union()
    {
        Gen<(int Capacity, int N1, int N2, int N3, ulong Seed)> shape =
            Gen.Select(Gen.Int[1, 64], Gen.Int[0, 300], Gen.Int[0, 300], Gen.Int[0, 300], Gen.ULong);
        shape.Sample(t =>
        {
            // Disjoint value ranges per stream, so membership identifies the side.
            Reservoir Build(int n, int offset, ulong seed)
            {
                var r = new Reservoir(t.Capacity, seed);
                for (int i = 0; i < n; i++)
                {
                    r.Add(offset + i);
                }

                return r;
            }

            Reservoir a = Build(t.N1, 0, t.Seed), b = Build(t.N2, 1000, t.Seed + 1), c = Build(t.N3, 2000, t.Seed + 2);
            double[] sampleA = a.ToArray(), sampleB = b.ToArray(), sampleC = c.ToArray();

            var ab = Build(t.N1, 0, t.Seed);
            ab.Merge(b, t.Seed);
            var ba = Build(t.N2, 1000, t.Seed + 1);
            ba.Merge(a, t.Seed);
            foreach (Reservoir m in new[] { ab, ba })
            {
                Assert.Equal(t.N1 + t.N2, m.Seen);
                Assert.Equal(Math.Min(t.Capacity, t.N1 + t.N2), m.Count);
                double[] sample = m.ToArray();
                Assert.Equal(sample.Length, sample.Distinct().Count());
                Assert.All(sample, v => Assert.True(sampleA.Contains(v) || sampleB.Contains(v)));
            }

            if (t.N1 + t.N2 <= t.Capacity)
            {
                // Nothing to drop: both orders hold exactly the union.
                Assert.Equal(sampleA.Concat(sampleB).Order(), ab.ToArray().Order());
                Assert.Equal(ab.ToArray().Order(), ba.ToArray().Order());
            }

            ab.Merge(c, t.Seed + 7);
            var bc = Build(t.N2, 1000, t.Seed + 1);
            bc.Merge(c, t.Seed + 8);
            var aBc = Build(t.N1, 0, t.Seed);
            aBc.Merge(bc, t.Seed + 9);
            foreach (Reservoir m in new[] { ab, aBc })
            {
                Assert.Equal(t.N1 + t.N2 + t.N3, m.Seen);
                Assert.Equal(Math.Min(t.Capacity, t.N1 + t.N2 + t.N3), m.Count);
                Assert.All(m.ToArray(), v => Assert.True(sampleA.Contains(v) || sampleB.Contains(v) || sampleC.Contains(v)));
            }
        }, iter: 300);
    }

    [Fact]
    public void Reservoir_merge_rejects_other_capacities()
    {
        Assert.Throws<ArgumentException>(() => new Reservoir(4).Merge(new Reservoir(5), 1));
    }

    [Fact]
    public void Numeric_window_merge_adds_bins_counts_and_quality()
    {
        double[] cuts = [0, 10];
        var a = new NumericWindow(3, 16, 1);
        var b = new NumericWindow(3, 16, 2);
        foreach (double v in new[] { -1.0, 5, 5, 20 })
        {
            a.Add(v, cuts);
        }

        foreach (double v in new[] { 3.0, 30, 40 })
        {
            b.Add(v, cuts);
        }

        b.Quality.Increment(DataQualityIssues.Missing);
        a.Merge(b);
        Assert.Equal([1L, 3, 3], Read(a.Bins));
        Assert.Equal(7, a.Count);
        Assert.Equal([-1.0, 3, 5, 5, 20, 30, 40], a.Sample.ToArray().Order());
        Assert.Equal(1, a.Quality.Missing);
    }
}
