using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using MonitorGen.Cli;
using MonitorGen.Statistics;

namespace MonitorGen.Cli.Tests;

/// <summary>
/// The bounded two-pass read of psi, kl_div and jensenshannon: the same numbers as DriftStatistics.Numerical on the raw values, and no
/// per-row memory for those columns.
/// </summary>
public class BoundedPathTests
{
    private const string Header = "wide,few,refFewCurMany,binary,label";

    /// <summary>Writes a file of <paramref name="rows"/> rows: a continuous column (with missing values, −0 and 0), one with 7 values,
    /// one with 7 values in the reference and many in the current file, a 0/1 column and a category.</summary>
    private static string Write(string dir, string name, int rows, int seed, bool current)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder(Header).Append('\n');
        for (int i = 0; i < rows; i++)
        {
            double wide = Math.Round((rng.NextDouble() * 10) - (current ? 4.8 : 5), 3);
            string wideText = i % 97 == 0 ? "NA" : i % 89 == 0 ? "-0" : wide.ToString("R", CultureInfo.InvariantCulture);
            int few = rng.Next(current ? 1 : 0, 7);
            string many = current ? (rng.NextDouble() * 6).ToString("R", CultureInfo.InvariantCulture) : rng.Next(0, 7).ToString(CultureInfo.InvariantCulture);
            int binary = rng.NextDouble() < (current ? 0.3 : 0.25) ? 1 : 0;
            sb.Append(wideText).Append(',').Append(few).Append(',').Append(many).Append(',').Append(binary).Append(',')
                .Append(rng.Next(3) == 0 ? "a" : "b").Append('\n');
        }

        return CliRunner.WriteFile(dir, name, sb.ToString());
    }

    private static double[] Numbers(string path, string column)
    {
        int index = Array.IndexOf(Header.Split(','), column);
        return File.ReadAllLines(path).Skip(1).Select(l => l.Split(',')[index]).Where(f => f != "NA")
            .Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
    }

    private static DriftOptions Options(string r, string c, DriftMethod method, List<string>? columns = null) =>
        new(r, c, columns, new List<string>(), new List<string>(), method, null, 0.5, MultipleTestingCorrection.None);

    [Theory]
    [InlineData("psi", DriftMethod.Psi)]
    [InlineData("kl_div", DriftMethod.KlDiv)]
    [InlineData("jensenshannon", DriftMethod.JensenShannon)]
    public void Bounded_scores_equal_DriftStatistics_Numerical_bit_for_bit(string id, DriftMethod method)
    {
        string dir = CliRunner.TempDir();
        string r = Write(dir, "r.csv", 3000, 1, current: false);
        string c = Write(dir, "c.csv", 2500, 2, current: true);
        CliResult result = CliRunner.Run("drift", "-r", r, "-c", c, "-f", "json", "-m", id);
        Assert.True(result.ExitCode == 0, result.Stderr);
        JsonElement report = JsonDocument.Parse(result.Stdout).RootElement;
        foreach (string column in new[] { "wide", "few", "refFewCurMany", "binary" })
        {
            JsonElement f = report.GetProperty("features").EnumerateArray().Single(e => e.GetProperty("name").GetString() == column);
            double expected = DriftStatistics.Numerical(method, Numbers(r, column), Numbers(c, column)).Score;
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(f.GetProperty("score").GetDouble()));
        }

        List<ColumnData> columns = CsvDriftCheck.Read(Options(r, c, method)).Columns;
        Assert.Equal(ColumnPlan.Histogram, columns.Single(x => x.Name == "wide").Plan);
        Assert.Equal(ColumnPlan.ValueCounts, columns.Single(x => x.Name == "few").Plan);
        Assert.Equal(ColumnPlan.RawValues, columns.Single(x => x.Name == "refFewCurMany").Plan); // unbounded keys: exact in-memory path
        Assert.Equal(ColumnPlan.ValueCounts, columns.Single(x => x.Name == "binary").Plan);
        Assert.Equal(3000 - 31, columns.Single(x => x.Name == "wide").ReferenceCount);
        Assert.Equal(31, columns.Single(x => x.Name == "wide").MissingReference);
        foreach (ColumnData col in columns.Where(x => x.Plan != ColumnPlan.RawValues))
        {
            Assert.Equal(0, col.ReferenceValues.Capacity);
            Assert.Equal(0, col.CurrentValues.Capacity);
        }
    }

    [Fact]
    public void Default_rules_use_the_bounded_path_for_jensenshannon_and_keep_values_for_wasserstein()
    {
        string dir = CliRunner.TempDir();
        string r = Write(dir, "r.csv", 3000, 3, current: false);
        string c = Write(dir, "c.csv", 2000, 4, current: true);
        CsvColumns data = CsvDriftCheck.Read(Options(r, c, DriftMethod.Auto));
        List<ColumnData> columns = data.Columns;
        ColumnData binary = columns.Single(x => x.Name == "binary");
        Assert.Equal(DriftMethod.JensenShannon, binary.PlannedMethod); // n > 1000, u = 2
        Assert.Equal(ColumnPlan.ValueCounts, binary.Plan);
        Assert.Equal(0, binary.ReferenceValues.Capacity);
        ColumnData wide = columns.Single(x => x.Name == "wide");
        Assert.Equal(DriftMethod.Wasserstein, wide.PlannedMethod);
        Assert.Equal(ColumnPlan.RawValues, wide.Plan);
        Assert.Equal(3000 - 31, wide.ReferenceValues.Count);

        DriftReport report = CsvDriftCheck.Analyze(Options(r, c, DriftMethod.Auto), data).Report;
        FeatureDriftResult bf = report.Features.Single(f => f.Feature == "binary");
        Assert.Equal(DriftStatistics.Numerical(DriftMethod.JensenShannon, Numbers(r, "binary"), Numbers(c, "binary")).Score, bf.Score);
        FeatureDriftResult wf = report.Features.Single(f => f.Feature == "wide");
        Assert.Equal(DriftStatistics.Numerical(DriftMethod.Wasserstein, Numbers(r, "wide"), Numbers(c, "wide")).Score, wf.Score);
    }

    [Fact]
    public void Memory_of_the_bounded_path_does_not_grow_with_the_rows()
    {
        string dir = CliRunner.TempDir();
        var bounded = new List<string> { "wide", "few", "binary", "label" };
        long Allocated(int rows, DriftMethod method)
        {
            string r = Write(dir, $"r{rows}.csv", rows, 5, current: false);
            string c = Write(dir, $"c{rows}.csv", rows, 6, current: true);
            CsvDriftCheck.Read(Options(r, c, method, bounded)); // warm up (JIT, static tables)
            long before = GC.GetAllocatedBytesForCurrentThread();
            CsvDriftCheck.Read(Options(r, c, method, bounded));
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        // 180,000 more rows per file. Kept as raw values (ks), the three numerical columns take at least 3 × 2 × 180,000 × 8 B
        // = 8.6 MB more; summarised and binned (psi), they must take nothing more per row (64 KB allowed for noise).
        long rawGrowth = Allocated(200_000, DriftMethod.Ks) - Allocated(20_000, DriftMethod.Ks);
        long boundedGrowth = Allocated(200_000, DriftMethod.Psi) - Allocated(20_000, DriftMethod.Psi);
        Assert.True(rawGrowth > 3 * 2 * 180_000 * 8, $"raw path grew by only {rawGrowth} B");
        Assert.True(boundedGrowth < 64 * 1024, $"bounded path grew by {boundedGrowth} B for 180,000 more rows");
    }
}
