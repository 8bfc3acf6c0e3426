using System;
using System.Linq;
using MathNet.Numerics.Distributions;
using MonitorGen.Calibration;
using MonitorGen.Statistics;

namespace MonitorGen.Tests.Calibration;

/// <summary>The data shapes of the null-simulation grid.</summary>
public enum DataShape
{
    /// <summary>Standard normal.</summary>
    Continuous,

    /// <summary>Student t with 3 degrees of freedom, rounded to halves: heavy tails and many ties.</summary>
    HeavyTailedTies,

    /// <summary>Seven string categories, the rarest at 0.5 %.</summary>
    RareCategories,

    /// <summary>A rating 1 to 5 marked <c>Categorical</c>.</summary>
    CategoricalNumber,

    /// <summary>Two values, for z and fisher_exact.</summary>
    Binary,
}

/// <summary>One cell of the grid: a method, a shape, the reference size and the window size.</summary>
public sealed record NullCell(DriftMethod Method, DataShape Shape, int ReferenceSize, int CurrentSize)
{
    public override string ToString() => $"{DriftMethodCatalog.IdOf(Method)} {Shape} n_ref={ReferenceSize} n_cur={CurrentSize}";
}

/// <summary>The drift-free windows of one cell, and how many alarmed under calibrated and under fixed thresholds.</summary>
public sealed record NullCellResult(NullCell Cell, int Windows, int CalibratedAlarms, int FixedAlarms)
{
    public double CalibratedRate => (double)CalibratedAlarms / Windows;

    public double FixedRate => (double)FixedAlarms / Windows;

    /// <summary>The claim's bound: α + 3·sqrt(α(1 − α)/N).</summary>
    public double Bound(double alpha) => alpha + (3 * Math.Sqrt(alpha * (1 - alpha) / Windows));
}

/// <summary>
/// Runs drift-free windows through the real monitor: a reference and windows drawn from one distribution, a profile fitted
/// (null included) on each reference, each window observed row by row and checked.
/// </summary>
public static class NullSimulation
{
    private static readonly string[] RareNames = ["a", "b", "c", "d", "e", "f", "g"];
    private static readonly double[] RareShares = [0.5, 0.25, 0.12, 0.08, 0.03, 0.015, 0.005];
    private static readonly double[] RatingShares = [0.05, 0.1, 0.2, 0.4, 0.25];

    public static bool Applies(DriftMethod method, DataShape shape) => shape switch
    {
        DataShape.Binary => method is DriftMethod.Z or DriftMethod.FisherExact,
        _ when method is DriftMethod.Z or DriftMethod.FisherExact => false,
        DataShape.Continuous or DataShape.HeavyTailedTies => true,
        _ => DriftMethodCatalog.SupportsCategorical(method),
    };

    /// <summary>Runs <paramref name="references"/> references × <paramref name="windowsPerReference"/> windows.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="references">References drawn, each fitted into a profile.</param>
    /// <param name="windowsPerReference">Drift-free windows checked against each.</param>
    /// <param name="sampleSize">The window sample size (<see cref="MonitorOptions.SampleSize"/>); below the window size the
    /// rank and sample tests run on a reservoir sample of the window.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="referenceSampleSize">The reference sample size (<see cref="FitOptions.SampleSize"/>), or the fit's default.</param>
    public static NullCellResult Run(NullCell cell, int references, int windowsPerReference, int sampleSize = 2048, ulong seed = 1,
        int? referenceSampleSize = null)
    {
        FeatureSchema feature = FeatureOf(cell);
        MonitorSchema schema = SimulationMonitor.SchemaOf(feature);
        bool countBased = DriftCalibration.IsCountBased(cell.Method) || feature.Kind == FeatureKind.Categorical;
        var fit = new FitOptions { NullSizes = [countBased ? cell.CurrentSize : Math.Min(cell.CurrentSize, sampleSize)] };
        if (referenceSampleSize is int referenceSample)
        {
            fit.SampleSize = referenceSample;
        }

        var options = new MonitorOptions { MinimumWindowSize = Math.Min(30, cell.CurrentSize), SampleSize = sampleSize };
        // A record's hash mixes in its Type's, which changes from process to process: the seed is built from the fields.
        var random = new Random(unchecked((int)seed + (31 * (int)cell.Method) + (1009 * (int)cell.Shape) + (7919 * cell.ReferenceSize) + cell.CurrentSize));
        int calibrated = 0, fixedAlarms = 0, windows = 0;
        double fixedThreshold = DriftMethodCatalog.DefaultThreshold(cell.Method);
        for (int r = 0; r < references; r++)
        {
            fit.Seed = (ulong)random.NextInt64();
            options.Seed = (ulong)random.NextInt64();
            using SimulationMonitor monitor = SimulationMonitor.Fit(schema, Rows(cell.Shape, cell.ReferenceSize, random), options, fit);
            for (int w = 0; w < windowsPerReference; w++)
            {
                foreach (object[] row in Rows(cell.Shape, cell.CurrentSize, random))
                {
                    monitor.Observe(row);
                }

                FeatureDriftResult result = monitor.CheckDrift().Features[0];
                if (!result.Tested)
                {
                    throw new InvalidOperationException($"{cell}: the window was not tested: {result.Note}");
                }

                windows++;
                calibrated += result.Drifted ? 1 : 0;
                fixedAlarms += DriftMethodCatalog.IsDrift(cell.Method, result.Score!.Value, fixedThreshold) ? 1 : 0;
            }
        }

        return new NullCellResult(cell, windows, calibrated, fixedAlarms);
    }

    private static FeatureSchema FeatureOf(NullCell cell) => cell.Shape switch
    {
        DataShape.Continuous or DataShape.HeavyTailedTies => FeatureSchema.Numerical("x", true, cell.Method, double.NaN, double.NegativeInfinity, double.PositiveInfinity),
        DataShape.RareCategories or DataShape.Binary => FeatureSchema.Categorical("x", cell.Method, double.NaN).WithMaxCategories(100),
        _ => FeatureSchema.CategoricalNumber("x", cell.Method, double.NaN, double.NegativeInfinity, double.PositiveInfinity).WithMaxCategories(100),
    };

    /// <summary>Drift-free rows of one shape.</summary>
    public static System.Collections.Generic.IEnumerable<object[]> Rows(DataShape shape, int count, Random random)
    {
        for (int i = 0; i < count; i++)
        {
            yield return [Value(shape, random)];
        }
    }

    public static object Value(DataShape shape, Random random) => shape switch
    {
        DataShape.Continuous => Normal.Sample(random, 0, 1),
        DataShape.HeavyTailedTies => Math.Round(StudentT.Sample(random, 0, 1, 3) * 2) / 2,
        DataShape.RareCategories => RareNames[Pick(RareShares, random)],
        DataShape.CategoricalNumber => (double)(1 + Pick(RatingShares, random)),
        _ => random.NextDouble() < 0.3 ? "yes" : "no",
    };

    private static int Pick(double[] shares, Random random)
    {
        double u = random.NextDouble();
        for (int i = 0; i < shares.Length - 1; i++)
        {
            u -= shares[i];
            if (u < 0)
            {
                return i;
            }
        }

        return shares.Length - 1;
    }
}
