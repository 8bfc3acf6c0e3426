using System;
using System.Linq;
using System.Threading.Tasks;
using MonitorGen.Statistics;
using MonitorGen.Tests.Records;

namespace MonitorGen.Tests.Monitoring;

/// <summary>The window keeps running moments of every value, merged across threads; t_test uses them and is exact.</summary>
public sealed class RunningMomentsTests
{
    [Fact]
    public void A_window_reports_the_mean_and_deviation_of_every_value_and_an_exact_t_test()
    {
        var random = new Random(11);
        double[] reference = Enumerable.Range(0, 5_000).Select(_ => Normal(random, 10, 2)).ToArray();
        double[] current = Enumerable.Range(0, 6_000).Select(_ => Normal(random, 10.2, 2.5)).ToArray();
        using var monitor = Measurement.CreateMonitor(Measurement.FitProfile(reference.Select(v => new Measurement { Value = v })));

        // Two threads, so the moments come from two shards merged at close; more values than the 2,048 sampled.
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, half =>
        {
            for (int i = half; i < current.Length; i += 2)
            {
                monitor.Observe(new Measurement { Value = current[i] });
            }
        });
        FeatureDriftResult result = monitor.CheckDrift().Features.Single();

        Assert.True(result.Exact);
        Assert.Equal("t_test", result.Method);
        Assert.Equal(current.Average(), result.CurrentMean!.Value, 9);
        Assert.Equal(PopulationStd(current), result.CurrentStandardDeviation!.Value, 9);
        Assert.Equal(reference.Average(), result.ReferenceMean!.Value, 9);
        var (statistic, pValue) = StudentTTest.Test(reference, current);
        Assert.Equal(statistic, result.Statistic!.Value, 1e-9 * Math.Abs(statistic));
        Assert.Equal(pValue, result.PValue!.Value, 1e-9 * pValue);
    }

    private static double Normal(Random random, double mean, double deviation) =>
        mean + (deviation * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

    private static double PopulationStd(double[] values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
    }
}
