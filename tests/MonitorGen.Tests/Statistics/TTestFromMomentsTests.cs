using System.Collections.Generic;
using System.Linq;
using MonitorGen.Sketches;
using MonitorGen.Statistics;

namespace MonitorGen.Tests.Statistics;

/// <summary>The t-test from running moments, as a streaming window computes it, matches SciPy's ttest_ind on the samples.</summary>
public sealed class TTestFromMomentsTests
{
    [Fact]
    public void From_moments_matches_SciPy_on_every_t_test_fixture()
    {
        List<string> failures = [];
        var cases = DriftFixtures.Current.CasesFor("t_test").Where(c => c.Error is null && c.Kind == "numerical").ToArray();
        foreach (FixtureCase fixture in cases)
        {
            SamplePair pair = DriftFixtures.Current.Samples[fixture.Sample];
            RunningMoments reference = RunningMoments.Of(pair.Reference);
            RunningMoments current = RunningMoments.Of(pair.Current);

            var (statistic, pValue) = StudentTTest.FromMoments(
                reference.Count, reference.Mean, reference.SampleVariance, current.Count, current.Mean, current.SampleVariance);

            // Welford's moments and NumPy's two-pass variance round differently; 1e-9 relative is the catalogue's bar.
            if (!Tolerance.Close(statistic, fixture.Statistic!.Value, 1e-12) || !Tolerance.Close(pValue, fixture.PValue!.Value))
            {
                failures.Add($"{fixture}: t {statistic:R} vs {fixture.Statistic:R}, p {pValue:R} vs {fixture.PValue:R}");
            }
        }

        Assert.NotEmpty(cases);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
