using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using MonitorGen.Performance;

namespace MonitorGen.Tests.Performance;

/// <summary>
/// Realized performance against scikit-learn: the fixtures of tools/fixtures/performance.py (its version is in the file),
/// to 1e-12 relative, including absent classes, one-class windows, tied and clipped scores, zero and constant actuals.
/// </summary>
public sealed class PerformanceMetricsTests
{
    private static readonly Lazy<JsonElement> Fixtures = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "performance-fixtures.json"))).RootElement);

    public static TheoryData<string> ClassificationCases => Names("classification");

    public static TheoryData<string> RegressionCases => Names("regression");

    [Theory]
    [MemberData(nameof(ClassificationCases))]
    public void Classification_figures_equal_scikit_learns(string name)
    {
        JsonElement fixture = Case("classification", name);
        int[] actual = Ints(fixture.GetProperty("actual"));
        int[] predicted = Ints(fixture.GetProperty("predicted"));
        var matrix = new ConfusionMatrix(fixture.GetProperty("classes").GetInt32());
        for (int i = 0; i < actual.Length; i++)
        {
            matrix.Add(actual[i], predicted[i]);
        }

        ClassificationMetrics metrics = matrix.Metrics();

        Assert.Equal(actual.Length, metrics.Count);
        Close(Number(fixture.GetProperty("accuracy")), metrics.Accuracy);
        var expectedClasses = fixture.GetProperty("perClass").EnumerateArray().ToArray();
        Assert.Equal(expectedClasses.Select(c => c.GetProperty("class").GetInt32()), metrics.PerClass.Select(c => c.Class));
        foreach ((JsonElement expected, ClassMetrics measured) in expectedClasses.Zip(metrics.PerClass))
        {
            Close(Number(expected.GetProperty("precision")), measured.Precision);
            Close(Number(expected.GetProperty("recall")), measured.Recall);
            Close(Number(expected.GetProperty("f1")), measured.F1);
            Assert.Equal(expected.GetProperty("support").GetInt64(), measured.Support);
        }

        double[] macro = Doubles(fixture.GetProperty("macro"));
        Close(macro[0], metrics.MacroPrecision);
        Close(macro[1], metrics.MacroRecall);
        Close(macro[2], metrics.MacroF1);
        double[] weighted = Doubles(fixture.GetProperty("weighted"));
        Close(weighted[0], metrics.WeightedPrecision);
        Close(weighted[1], metrics.WeightedRecall);
        Close(weighted[2], metrics.WeightedF1);

        int[][] confusion = fixture.GetProperty("confusion").EnumerateArray().Select(Ints).ToArray();
        for (int a = 0; a < confusion.Length; a++)
        {
            for (int p = 0; p < confusion.Length; p++)
            {
                Assert.Equal(confusion[a][p], matrix[a, p]);
            }
        }

        Assert.InRange(metrics.Accuracy, metrics.AccuracyInterval.Lower, metrics.AccuracyInterval.Upper);

        if (fixture.TryGetProperty("scores", out JsonElement scoreList))
        {
            double[] scores = Doubles(scoreList);
            var binary = new BinaryScores(scores.Length);
            for (int i = 0; i < scores.Length; i++)
            {
                Assert.True(binary.Add(scores[i], actual[i] == 1));
            }

            Close(Number(fixture.GetProperty("rocAuc")), binary.RocAuc());
            Close(Number(fixture.GetProperty("logLoss")), binary.LogLoss());
        }
    }

    [Theory]
    [MemberData(nameof(RegressionCases))]
    public void Regression_figures_equal_scikit_learns(string name)
    {
        JsonElement fixture = Case("regression", name);
        double[] actual = Doubles(fixture.GetProperty("actual"));
        double[] predicted = Doubles(fixture.GetProperty("predicted"));
        var accumulator = new RegressionAccumulator();
        for (int i = 0; i < actual.Length; i++)
        {
            Assert.True(accumulator.Add(predicted[i], actual[i]));
        }

        RegressionMetrics metrics = accumulator.Metrics();

        Assert.Equal(actual.Length, metrics.Count);
        Close(Number(fixture.GetProperty("mae")), metrics.MeanAbsoluteError);
        Close(Number(fixture.GetProperty("rmse")), metrics.RootMeanSquaredError);
        Close(Number(fixture.GetProperty("mape")), metrics.MeanAbsolutePercentageError);
        Close(Number(fixture.GetProperty("r2")), metrics.R2);
        Close(Number(fixture.GetProperty("meanError")), metrics.MeanError);
    }

    [Fact]
    public void Bad_values_are_refused_and_nothing_else_is_lost()
    {
        var accumulator = new RegressionAccumulator();
        Assert.True(accumulator.Add(2, 1));
        Assert.False(accumulator.Add(double.NaN, 1));
        Assert.False(accumulator.Add(1, double.PositiveInfinity));
        Assert.Equal(1, accumulator.Count);
        Assert.Equal(1.0, accumulator.Metrics().MeanError);

        var scores = new BinaryScores(2);
        Assert.False(scores.Add(double.NaN, true));
        Assert.False(scores.Add(1.5, true));
        Assert.True(scores.Add(0.9, true));
        Assert.True(scores.Add(0.1, false));
        Assert.False(scores.Add(0.5, true));
        Assert.Equal(2, scores.Count);
        Assert.Equal(1, scores.Dropped);
        Assert.Equal(1.0, scores.RocAuc());
        scores.Clear();
        Assert.Equal((0, 0L), (scores.Count, scores.Dropped));
        Assert.True(double.IsNaN(scores.RocAuc()));
        Assert.True(double.IsNaN(scores.LogLoss()));

        var matrix = new ConfusionMatrix(3);
        Assert.Throws<ArgumentOutOfRangeException>(() => matrix.Add(3, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => matrix.Add(0, -1));
        Assert.Equal(0, matrix.Count);
        Assert.True(double.IsNaN(matrix.Metrics().Accuracy));
    }

    [Fact]
    public void Windows_add_up_to_the_cumulative_matrix()
    {
        JsonElement fixture = Case("classification", "five classes");
        int[] actual = Ints(fixture.GetProperty("actual"));
        int[] predicted = Ints(fixture.GetProperty("predicted"));
        var cumulative = new ConfusionMatrix(5);
        for (int start = 0; start < actual.Length; start += 100)
        {
            var window = new ConfusionMatrix(5);
            for (int i = start; i < start + 100; i++)
            {
                window.Add(actual[i], predicted[i]);
            }

            cumulative.Add(window);
        }

        Close(Number(fixture.GetProperty("accuracy")), cumulative.Metrics().Accuracy);
        Assert.Throws<ArgumentException>(() => cumulative.Add(new ConfusionMatrix(4)));
    }

    /// <summary>
    /// Wilson's interval against its closed form at two points (from SciPy's <c>norm.ppf</c> and the formula), and its
    /// coverage: over 4,000 seeded windows of 50 rows at p = 0.9, the 95 % interval holds the true p in a share whose
    /// own 99 % interval reaches within 0.02 of 0.95 (a Wald interval covers about 0.88 there, and fails).
    /// </summary>
    [Fact]
    public void The_accuracy_interval_is_wilsons_and_covers_as_stated()
    {
        Interval half = ConfidenceIntervals.Wilson(5, 10);
        Assert.Equal(0.2365930905, half.Lower, 1e-9);
        Assert.Equal(0.7634069095, half.Upper, 1e-9);
        Interval none = ConfidenceIntervals.Wilson(0, 20);
        Assert.Equal(0.0, none.Lower);
        Assert.Equal(0.1611251581, none.Upper, 1e-9); // z² / (n + z²)

        var random = new Random(20261202);
        int covered = 0;
        const int windows = 4000;
        for (int w = 0; w < windows; w++)
        {
            int right = 0;
            for (int i = 0; i < 50; i++)
            {
                right += random.NextDouble() < 0.9 ? 1 : 0;
            }

            Interval interval = ConfidenceIntervals.Wilson(right, 50);
            covered += interval.Lower <= 0.9 && 0.9 <= interval.Upper ? 1 : 0;
        }

        Interval coverage = ConfidenceIntervals.Wilson(covered, windows, 0.99);
        Assert.True(coverage.Lower <= 0.95 + 0.02 && coverage.Upper >= 0.95 - 0.02,
            $"coverage {(double)covered / windows:F4}, 99 % interval [{coverage.Lower:F4}, {coverage.Upper:F4}]");
    }

    private static void Close(double expected, double actual)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"expected NaN, got {actual}");
            return;
        }

        Assert.Equal(expected, actual, 1e-12 * Math.Max(1, Math.Abs(expected)));
    }

    private static TheoryData<string> Names(string kind)
    {
        var names = new TheoryData<string>();
        foreach (JsonElement element in Fixtures.Value.GetProperty(kind).EnumerateArray())
        {
            names.Add(element.GetProperty("name").GetString()!);
        }

        return names;
    }

    private static JsonElement Case(string kind, string name) =>
        Fixtures.Value.GetProperty(kind).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static double Number(JsonElement element) => element.ValueKind == JsonValueKind.String
        ? double.Parse(element.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
        : element.GetDouble();

    private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(Number).ToArray();

    private static int[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();
}
