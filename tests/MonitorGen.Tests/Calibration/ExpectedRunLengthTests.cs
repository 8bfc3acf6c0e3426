using System;
using System.Linq;
using MathNet.Numerics.Distributions;
using MonitorGen.Calibration;
using MonitorGen.Statistics;
using MonitorGen.Windows;

namespace MonitorGen.Tests.Calibration;

/// <summary>
/// The continuous rule keeps its false-alarm budget: over many checks of drift-free data, the mean number of checks per
/// alarm is at least the stated ERT, within its confidence interval, for tumbling and for overlapping sliding windows.
/// </summary>
public sealed class ExpectedRunLengthTests
{
    private const double ExpectedRunLength = 100;

    private static readonly FeatureSchema[] Features =
    [
        FeatureSchema.Numerical("ks", true, DriftMethod.Ks, double.NaN, double.NegativeInfinity, double.PositiveInfinity),
        FeatureSchema.Numerical("wasserstein", true, DriftMethod.Wasserstein, double.NaN, double.NegativeInfinity, double.PositiveInfinity),
        FeatureSchema.Numerical("psi", true, DriftMethod.Psi, double.NaN, double.NegativeInfinity, double.PositiveInfinity),
        FeatureSchema.Numerical("jensenshannon", true, DriftMethod.JensenShannon, double.NaN, double.NegativeInfinity, double.PositiveInfinity),
        FeatureSchema.Numerical("chisquare", true, DriftMethod.ChiSquare, double.NaN, double.NegativeInfinity, double.PositiveInfinity),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Checks_per_false_alarm_are_at_least_the_stated_expected_run_length(int subWindows)
    {
        const int rows = 40, checks = 6000;
        var random = new Random(21 + subWindows);
        object[] Row() => Features.Select(_ => (object)Normal.Sample(random, 0, 1)).ToArray();
        var options = new MonitorOptions
        {
            ExpectedRunLength = ExpectedRunLength,
            Window = subWindows == 1 ? WindowPolicy.Manual : WindowPolicy.Sliding(WindowPolicy.TumblingCount(rows / subWindows), subWindows),
        };
        using SimulationMonitor monitor = SimulationMonitor.Fit(SimulationMonitor.SchemaOf(Features), Enumerable.Range(0, 2000).Select(_ => Row()), options);
        int perCheck = subWindows == 1 ? rows : rows / subWindows;

        // Sliding: let the ring fill before counting.
        for (int w = 0; w < subWindows - 1; w++)
        {
            for (int i = 0; i < perCheck; i++)
            {
                monitor.Observe(Row());
            }

            monitor.CheckDrift();
        }

        int alarms = 0;
        for (int c = 0; c < checks; c++)
        {
            for (int i = 0; i < perCheck; i++)
            {
                monitor.Observe(Row());
            }

            DriftReport report = monitor.CheckDrift();
            Assert.Equal(Features.Length, report.TestedFeatures);
            Assert.Equal(DriftCalibration.AlarmLevel(ExpectedRunLength, Features.Length), report.AlarmLevel);
            alarms += report.Alarm ? 1 : 0;
        }

        // Alarms on drift-free checks are at most Poisson(checks / ERT): the observed count stays below its 3-sigma upper bound,
        // that is, the mean run length checks / alarms stays above ERT within its confidence interval.
        double expected = checks / ExpectedRunLength;
        Assert.True(alarms <= expected + (3 * Math.Sqrt(expected)),
            $"{alarms} alarms in {checks} drift-free checks: {(alarms == 0 ? double.PositiveInfinity : (double)checks / alarms):F0} checks per alarm, stated ERT {ExpectedRunLength}");
    }

    [Fact]
    public void The_alarm_level_is_the_sidak_share_of_the_budget()
    {
        double beta = DriftCalibration.AlarmLevel(500, 10);
        Assert.Equal(1 - Math.Pow(1 - (1 / 500.0), 1 / 10.0), beta, 15);
        Assert.Equal(1.0 / 500, 1 - Math.Pow(1 - beta, 10), 12);
    }
}
