using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using MonitorGen;
using MonitorGen.Statistics;

namespace MonitorGen.Benchmarks;

/// <summary>
/// What calibration costs a drift check on fifty features: one check of a 1,000-row window under calibrated thresholds
/// against fixed ones (today's decision), on the same profile. <see cref="CalibrationFitBenchmarks"/> times the fit.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class CalibrationBenchmarks
{
    private const int ReferenceRows = 5_000;
    private const int WindowRows = 1_000;

    private FiftyFeatures[] _reference = Array.Empty<FiftyFeatures>();
    private FiftyFeatures[] _window = Array.Empty<FiftyFeatures>();
    private ReferenceProfile _profile = null!;
    private FiftyFeaturesMonitor _fixed = null!;
    private FiftyFeaturesMonitor _calibrated = null!;

    [GlobalSetup]
    public void Setup()
    {
        _reference = Rows(new Random(1), ReferenceRows);
        _window = Rows(new Random(2), WindowRows);
        _profile = FiftyFeatures.FitProfile(_reference);
        _fixed = FiftyFeatures.CreateMonitor(_profile, new MonitorOptions { Thresholds = ThresholdMode.Fixed });
        _calibrated = FiftyFeatures.CreateMonitor(_profile, new MonitorOptions());
    }

    [IterationSetup(Targets = [nameof(CheckFixed)])]
    public void FillFixed() => Fill(_fixed);

    [IterationSetup(Targets = [nameof(CheckCalibrated)])]
    public void FillCalibrated() => Fill(_calibrated);

    [Benchmark(Baseline = true)]
    public DriftReport CheckFixed() => _fixed.CheckDrift();

    [Benchmark]
    public DriftReport CheckCalibrated() => _calibrated.CheckDrift();

    private void Fill(FiftyFeaturesMonitor monitor)
    {
        foreach (FiftyFeatures row in _window)
        {
            monitor.Observe(row);
        }
    }

    internal static FiftyFeatures[] Rows(Random random, int count) => Enumerable.Range(0, count).Select(_ => Row(random)).ToArray();

    private static FiftyFeatures Row(Random random)
    {
        double N(int i) => (i % 3) switch
        {
            0 => Normal(random),
            1 => Math.Exp(Normal(random)),
            _ => Math.Round(Normal(random) * 3),
        };

        Segment C() => random.NextDouble() switch
        {
            < 0.5 => Segment.A,
            < 0.8 => Segment.B,
            < 0.97 => Segment.C,
            _ => Segment.D,
        };

        return new FiftyFeatures
        {
            N00 = N(0), N01 = N(1), N02 = N(2), N03 = N(3), N04 = N(4), N05 = N(5), N06 = N(6), N07 = N(7), N08 = N(8), N09 = N(9),
            N10 = N(10), N11 = N(11), N12 = N(12), N13 = N(13), N14 = N(14), N15 = N(15), N16 = N(16), N17 = N(17), N18 = N(18), N19 = N(19),
            N20 = N(20), N21 = N(21), N22 = N(22), N23 = N(23), N24 = N(24), N25 = N(25), N26 = N(26), N27 = N(27), N28 = N(28), N29 = N(29),
            N30 = N(30), N31 = N(31), N32 = N(32), N33 = N(33), N34 = N(34), N35 = N(35), N36 = N(36), N37 = N(37), N38 = N(38), N39 = N(39),
            C0 = C(), C1 = C(), C2 = C(), C3 = C(), C4 = C(), C5 = C(), C6 = C(), C7 = C(), C8 = C(), C9 = C(),
        };
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

/// <summary>
/// What calibration costs a fit of fifty features on 5,000 rows: with the nulls (2,000 draws per window size) against
/// without them (today's profile). A fit takes seconds, so three measured runs each.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(BenchmarkDotNet.Engines.RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class CalibrationFitBenchmarks
{
    private FiftyFeatures[] _reference = Array.Empty<FiftyFeatures>();

    [GlobalSetup]
    public void Setup() => _reference = CalibrationBenchmarks.Rows(new Random(1), 5_000);

    [Benchmark(Baseline = true)]
    public ReferenceProfile FitWithoutNulls() => FiftyFeatures.FitProfile(_reference, new FitOptions { NullResamples = 0 });

    [Benchmark]
    public ReferenceProfile FitWithNulls() => FiftyFeatures.FitProfile(_reference);
}
