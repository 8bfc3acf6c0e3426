using System;
using System.Linq;
using MonitorGen.Labels;

namespace MonitorGen.Tests.Labels;

/// <summary>
/// Labeling-function statistics against Snorkel's <c>LFAnalysis</c>: the label matrix of its documentation, row by row,
/// gives the figures its docstrings state (snorkel/labeling/analysis.py), and the empirical accuracies its definition
/// gives for a gold vector, worked out by hand.
/// </summary>
public sealed class LabelingFunctionStatisticsTests
{
    private static readonly int[][] L =
    [
        [-1, 0, 0],
        [-1, -1, -1],
        [1, 0, -1],
        [-1, 0, -1],
        [0, 0, 0],
    ];

    private static LabelingFunctionStatistics Counted(int[]? gold = null)
    {
        var statistics = new LabelingFunctionStatistics(["lf0", "lf1", "lf2"]);
        for (int i = 0; i < L.Length; i++)
        {
            statistics.Add(L[i], gold?[i]);
        }

        return statistics;
    }

    [Fact]
    public void The_documented_matrix_gives_Snorkels_coverage_overlap_conflict_and_polarity()
    {
        LabelingFunctionStatistics s = Counted();
        Assert.Equal((0.8, 0.6, 0.2), (s.LabelCoverage, s.LabelOverlap, s.LabelConflict));
        Assert.Equal([[0, 1], [0], [0]], Enumerable.Range(0, 3).Select(j => s.Polarity(j).ToArray()));
        Assert.Equal([0.4, 0.8, 0.4], Enumerable.Range(0, 3).Select(s.Coverage));
        Assert.Equal([0.4, 0.6, 0.4], Enumerable.Range(0, 3).Select(s.Overlaps));
        Assert.Equal([0.2, 0.2, 0.0], Enumerable.Range(0, 3).Select(s.Conflicts));
        // normalize_by_coverage and normalize_by_overlaps, as the docstrings give them.
        Assert.Equal([1, 0.75, 1], Enumerable.Range(0, 3).Select(j => s.Overlaps(j) / s.Coverage(j)), new ToleranceComparer(1e-15));
        Assert.Equal([0.5, 1.0 / 3, 0], Enumerable.Range(0, 3).Select(j => s.Conflicts(j) / s.Overlaps(j)), new ToleranceComparer(1e-15));
    }

    [Fact]
    public void Gold_labels_give_correct_incorrect_and_the_empirical_accuracy()
    {
        // lf0 labels rows 2 and 4 (1 = 1, 0 = 0); lf1 rows 0, 2, 3, 4 (row 2 wrong); lf2 rows 0 and 4.
        LabelingFunctionStatistics s = Counted([0, 1, 1, 0, 0]);
        Assert.Equal([(2L, 0L, 1.0), (3L, 1L, 0.75), (2L, 0L, 1.0)], Enumerable.Range(0, 3).Select(j => (s.Correct(j), s.Incorrect(j), s.EmpiricalAccuracy(j))));

        // Only rows with a gold label count; a function that labels none has Snorkel's 0.
        var partial = new LabelingFunctionStatistics(["a", "b"]);
        partial.Add([1, -1], gold: null);
        partial.Add([-1, 1], gold: 0);
        Assert.Equal((0L, 0L, 0.0), (partial.Correct(0), partial.Incorrect(0), partial.EmpiricalAccuracy(0)));
        Assert.Equal((0L, 1L, 0.0), (partial.Correct(1), partial.Incorrect(1), partial.EmpiricalAccuracy(1)));
        Assert.Equal(0.5, partial.Coverage(0));
    }

    [Fact]
    public void A_row_of_the_wrong_width_or_a_code_below_abstain_is_refused()
    {
        var s = new LabelingFunctionStatistics(["a", "b"]);
        Assert.Throws<ArgumentException>(() => s.Add([0]));
        Assert.Throws<ArgumentException>(() => s.Add([0, -2]));
        Assert.Throws<ArgumentException>(() => new LabelingFunctionStatistics([]));
        Assert.Equal(0, s.Rows);
        Assert.Equal(0, s.LabelCoverage);
    }

    private sealed class ToleranceComparer(double tolerance) : System.Collections.Generic.IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
