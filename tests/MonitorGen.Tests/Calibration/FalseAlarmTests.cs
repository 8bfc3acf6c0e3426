using System;
using System.Collections.Generic;
using System.Linq;
using MonitorGen.Statistics;

namespace MonitorGen.Tests.Calibration;

/// <summary>
/// The null-simulation suite: on drift-free windows, the calibrated per-feature false-alarm rate stays within
/// α + 3·sqrt(α(1 − α)/N), for every method, window size, reference size and data shape that CI runs.
/// </summary>
public sealed class FalseAlarmTests
{
    private const double Alpha = 0.05;

    // CI runs the small windows, where calibration is hardest and fixed thresholds fail worst; MONITORGEN_FULL_FALSE_ALARM_GRID=1
    // (tools/bench/false_alarms_table.sh) adds windows of 1,000 and 10,000 rows, and empirical_mmd, which take most of the run.
    private static readonly bool FullGrid = Environment.GetEnvironmentVariable("MONITORGEN_FULL_FALSE_ALARM_GRID") == "1";

    private static readonly int[] WindowSizes = FullGrid ? [10, 30, 100, 1000, 10_000] : [10, 30, 100];

    /// <summary>The cells CI runs, of numerical shapes (<paramref name="numerical"/>) or of categorical ones.</summary>
    public static TheoryData<DriftMethod, DataShape, int, int> CiGrid(bool numerical)
    {
        var data = new TheoryData<DriftMethod, DataShape, int, int>();
        // empirical_mmd costs O((n + m)^2) per permutation, 1,000 permutations per window: the full grid runs it on its whole
        // samples where they pool at most 300 values, on reservoir samples of 100 elsewhere (MmdSampleSize), CI not at all.
        foreach (DriftMethod method in Enum.GetValues<DriftMethod>().Where(m => m is not DriftMethod.Auto && (FullGrid || m is not DriftMethod.EmpiricalMmd)))
        {
            foreach (DataShape shape in Enum.GetValues<DataShape>())
            {
                if (!NullSimulation.Applies(method, shape) || (shape is DataShape.Continuous or DataShape.HeavyTailedTies) != numerical)
                {
                    continue;
                }

                foreach (int reference in new[] { 200, 5000 })
                {
                    foreach (int current in WindowSizes)
                    {
                        data.Add(method, shape, reference, current);
                    }
                }
            }
        }

        return data;
    }

    /// <summary>The reservoir samples (reference and window) empirical_mmd is tested on where its whole samples would pool more than 300 values.</summary>
    internal const int MmdSampleSize = 100;

    private static readonly object LogLock = new();

    // MONITORGEN_FALSE_ALARM_LOG names a file that collects one line per cell, from which docs/benchmarks/false-alarms.md is made.
    private static void Log(NullCellResult result)
    {
        if (Environment.GetEnvironmentVariable("MONITORGEN_FALSE_ALARM_LOG") is { Length: > 0 } path)
        {
            lock (LogLock)
            {
                System.IO.File.AppendAllText(path, FormattableString.Invariant(
                    $"{DriftMethodCatalog.IdOf(result.Cell.Method)}\t{result.Cell.Shape}\t{result.Cell.ReferenceSize}\t{result.Cell.CurrentSize}\t{result.Windows}\t{result.CalibratedRate:F3}\t{result.FixedRate:F3}\n"));
            }
        }
    }

    public static TheoryData<DriftMethod, DataShape, int, int> NumericalGrid() => CiGrid(numerical: true);

    [Theory]
    [MemberData(nameof(NumericalGrid))]
    public void Calibrated_false_alarm_rate_is_within_the_bound(DriftMethod method, DataShape shape, int referenceSize, int currentSize) =>
        Check(method, shape, referenceSize, currentSize);

    internal static void Check(DriftMethod method, DataShape shape, int referenceSize, int currentSize)
    {
        // Windows of one reference share it: when the window is as large as the reference, the reference's own noise
        // dominates, and the windows of one reference stop being independent trials. Those cells draw more references.
        int references = currentSize >= referenceSize ? 250 : 40;
        bool sampled = method == DriftMethod.EmpiricalMmd && referenceSize + currentSize > 300;
        NullCellResult result = NullSimulation.Run(new NullCell(method, shape, referenceSize, currentSize), references, 1000 / references,
            sampled ? MmdSampleSize : 2048, referenceSampleSize: sampled ? MmdSampleSize : null);

        Log(result);
        Assert.Equal(1000, result.Windows);
        Assert.True(result.CalibratedRate <= result.Bound(Alpha),
            $"{result.Cell}: {result.CalibratedAlarms} of {result.Windows} drift-free windows alarmed ({result.CalibratedRate:P1}), bound {result.Bound(Alpha):P2}; fixed thresholds: {result.FixedRate:P1}");
    }
}

/// <summary>
/// A window larger than its sample: the rank and sample tests run on a reservoir of 100 of the window's 1,000 rows, and the
/// false-alarm rate of a p-value from the reservoir stays within the bound.
/// </summary>
public sealed class ReservoirFalseAlarmTests
{
    [Theory]
    [InlineData(DriftMethod.Ks, DataShape.Continuous)]
    [InlineData(DriftMethod.Ks, DataShape.HeavyTailedTies)]
    [InlineData(DriftMethod.Wasserstein, DataShape.Continuous)]
    [InlineData(DriftMethod.AndersonDarling, DataShape.Continuous)]
    public void A_p_value_from_a_reservoir_sample_is_calibrated(DriftMethod method, DataShape shape)
    {
        NullCellResult result = NullSimulation.Run(new NullCell(method, shape, 5000, 1000), references: 40, windowsPerReference: 25, sampleSize: 100);

        Assert.Equal(1000, result.Windows);
        Assert.True(result.CalibratedRate <= result.Bound(0.05),
            $"{result.Cell} on a reservoir of 100: {result.CalibratedAlarms} of {result.Windows} drift-free windows alarmed ({result.CalibratedRate:P1})");
    }
}

/// <summary>The categorical half of the suite, in a class of its own so that xunit runs it beside the numerical half.</summary>
public sealed class CategoricalFalseAlarmTests
{
    public static TheoryData<DriftMethod, DataShape, int, int> CategoricalGrid() => FalseAlarmTests.CiGrid(numerical: false);

    [Theory]
    [MemberData(nameof(CategoricalGrid))]
    public void Calibrated_false_alarm_rate_is_within_the_bound(DriftMethod method, DataShape shape, int referenceSize, int currentSize) =>
        FalseAlarmTests.Check(method, shape, referenceSize, currentSize);
}
