using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using MonitorGen.Statistics;

namespace MonitorGen.Cli.Tests;

public class DriftCommandTests
{
    private static readonly string[] FeatureKeys =
    {
        "name", "kind", "method", "score", "statistic", "pValue", "adjustedPValue", "threshold", "thresholdMode", "alpha", "calibratedPValue",
        "effect", "effectMeasure", "effectFloor", "drifted",
        "referenceCount", "currentCount", "missingReference", "missingCurrent", "nonFiniteReference", "nonFiniteCurrent",
    };

    private static JsonElement Json(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(string.Empty, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement;
    }

    private static JsonElement Feature(JsonElement report, string name) =>
        report.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);

    private static CliResult SeattleJson(params string[] extra) =>
        CliRunner.Run(new[] { "drift", "--reference", Seattle.SummerPath, "--current", Seattle.WinterPath, "--format", "json" }.Concat(extra).ToArray());

    [Fact]
    public void Json_has_the_documented_shape()
    {
        JsonElement report = Json(SeattleJson());
        Assert.Equal(JsonValueKind.True, report.GetProperty("datasetDrift").ValueKind);
        Assert.Equal(0.5, report.GetProperty("driftShare").GetDouble());
        JsonElement[] features = report.GetProperty("features").EnumerateArray().ToArray();
        Assert.Equal(Seattle.Header, features.Select(f => f.GetProperty("name").GetString()).ToArray());
        foreach (JsonElement f in features)
        {
            Assert.Equal(FeatureKeys, f.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Contains(f.GetProperty("kind").GetString(), new[] { "numerical", "categorical" });
            Assert.Equal(JsonValueKind.Number, f.GetProperty("score").ValueKind);
            Assert.Equal(JsonValueKind.Number, f.GetProperty("threshold").ValueKind);
            Assert.Equal(JsonValueKind.Null, f.GetProperty("adjustedPValue").ValueKind);
        }

        JsonElement temp = Feature(report, "temp_max");
        Assert.Equal("numerical", temp.GetProperty("kind").GetString());
        Assert.Equal(Seattle.Rows(true).Length, temp.GetProperty("referenceCount").GetInt64());
        Assert.Equal(Seattle.Rows(false).Length, temp.GetProperty("currentCount").GetInt64());
        Assert.Equal(0, temp.GetProperty("missingReference").GetInt64());
        Assert.Equal("categorical", Feature(report, "weather").GetProperty("kind").GetString());
        Assert.Equal("categorical", Feature(report, "date").GetProperty("kind").GetString());
    }

    [Fact]
    public void Numbers_equal_DriftStatistics_called_directly()
    {
        JsonElement report = Json(SeattleJson());
        foreach (string column in new[] { "precipitation", "temp_max", "temp_min", "wind" })
        {
            JsonElement f = Feature(report, column);
            Assert.Equal("ks", f.GetProperty("method").GetString()); // n = 368 <= 1000, u > 5
            DriftOutcome expected = DriftStatistics.Numerical(DriftMethod.Ks, Seattle.Numbers(true, column), Seattle.Numbers(false, column));
            Assert.Equal(expected.Statistic, f.GetProperty("statistic").GetDouble());
            Assert.Equal(expected.PValue!.Value, f.GetProperty("pValue").GetDouble());
            Assert.Equal(expected.Score, f.GetProperty("score").GetDouble());
            Assert.Equal(0.05, f.GetProperty("threshold").GetDouble());
            Assert.True(f.GetProperty("drifted").GetBoolean());
        }

        // weather: chisquare over the categories (u = 5 > 2, n <= 1000).
        JsonElement weather = Feature(report, "weather");
        Assert.Equal("chisquare", weather.GetProperty("method").GetString());
        (double[] r, double[] c) = Counts(Seattle.Rows(true), Seattle.Rows(false), Array.IndexOf(Seattle.Header, "weather"));
        DriftOutcome chi = DriftStatistics.Counts(DriftMethod.ChiSquare, r, c);
        Assert.Equal(chi.Score, weather.GetProperty("score").GetDouble());
    }

    [Fact]
    public void Default_methods_for_a_large_reference_are_wasserstein_and_jensenshannon()
    {
        JsonElement report = Json(CliRunner.Run("drift", "-r", Seattle.AllPath, "-c", Seattle.WinterPath, "-f", "json", "--columns", "temp_max,weather"));
        JsonElement temp = Feature(report, "temp_max");
        Assert.Equal("wasserstein", temp.GetProperty("method").GetString());
        Assert.Equal(1461, temp.GetProperty("referenceCount").GetInt64());
        double[] all = Seattle.Lines().Skip(1).Select(l => double.Parse(l.Split(',')[2], CultureInfo.InvariantCulture)).ToArray();
        DriftOutcome expected = DriftStatistics.Numerical(DriftMethod.Wasserstein, all, Seattle.Numbers(false, "temp_max"));
        Assert.Equal(expected.Statistic, temp.GetProperty("score").GetDouble());
        Assert.Equal(JsonValueKind.Null, temp.GetProperty("pValue").ValueKind);

        // Calibrated by default: the threshold is the resampled null's 95 % quantile, and the floor is Evidently's 0.1.
        Assert.Equal("calibrated", temp.GetProperty("thresholdMode").GetString());
        Assert.Equal(0.1, temp.GetProperty("effectFloor").GetDouble());
        Assert.InRange(temp.GetProperty("threshold").GetDouble(), 0.01, 0.5);
        Assert.Equal(expected.Statistic, temp.GetProperty("effect").GetDouble());
        Assert.Equal("jensenshannon", Feature(report, "weather").GetProperty("method").GetString());
    }

    [Fact]
    public void Help_and_errors_name_every_drift_method()
    {
        CliResult help = CliRunner.Run("drift", "--help");
        CliResult unknown = CliRunner.Run("drift", "-r", Seattle.AllPath, "-c", Seattle.WinterPath, "--method", "nope");
        string helpText = string.Join(' ', help.Stdout.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        foreach (DriftMethod method in Enum.GetValues<DriftMethod>().Where(m => m != DriftMethod.Auto))
        {
            string id = DriftMethodCatalog.IdOf(method);
            Assert.Contains(id, helpText, StringComparison.Ordinal);
            Assert.Contains(id, unknown.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Column_alpha_sets_one_column_s_false_alarm_rate()
    {
        // Two columns shifted by a quarter of a standard deviation: beyond the floor, and a p-value between 10⁻⁶ and 0.05.
        var random = new Random(7);
        string Rows(int n, double shift) => string.Concat(Enumerable.Range(0, n).Select(_ =>
            FormattableString.Invariant($"{Normal(random) + shift},{Normal(random) + shift}\n")));
        string dir = CliRunner.TempDir();
        string rf = CliRunner.WriteFile(dir, "r.csv", "x,y\n" + Rows(2000, 0));
        string cf = CliRunner.WriteFile(dir, "c.csv", "x,y\n" + Rows(300, 0.25));
        JsonElement defaults = Json(CliRunner.Run("drift", "-r", rf, "-c", cf, "-f", "json"));
        Assert.All(new[] { "x", "y" }, name => Assert.True(Feature(defaults, name).GetProperty("drifted").GetBoolean()));
        Assert.InRange(Feature(defaults, "x").GetProperty("calibratedPValue").GetDouble(), 1e-6, 0.05);

        JsonElement report = Json(CliRunner.Run("drift", "-r", rf, "-c", cf, "-f", "json", "--column-alpha", "x=0.000001"));
        Assert.Equal(1e-6, Feature(report, "x").GetProperty("alpha").GetDouble());
        Assert.False(Feature(report, "x").GetProperty("drifted").GetBoolean());
        Assert.Equal(0.05, Feature(report, "y").GetProperty("alpha").GetDouble());
        Assert.True(Feature(report, "y").GetProperty("drifted").GetBoolean());
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void Default_methods_for_few_values_are_chisquare_and_z()
    {
        string dir = CliRunner.TempDir();
        string rf = CliRunner.WriteFile(dir, "r.csv", "few,two,flag\n" + string.Concat(Enumerable.Range(0, 60).Select(i => $"{i % 4},{i % 2},{(i % 3 == 0 ? "yes" : "no")}\n")));
        string cf = CliRunner.WriteFile(dir, "c.csv", "few,two,flag\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"{i % 3},{(i % 5 == 0 ? 1 : 0)},{(i % 2 == 0 ? "yes" : "no")}\n")));
        JsonElement report = Json(CliRunner.Run("drift", "-r", rf, "-c", cf, "-f", "json"));
        Assert.Equal("chisquare", Feature(report, "few").GetProperty("method").GetString());
        Assert.Equal("numerical", Feature(report, "few").GetProperty("kind").GetString());
        Assert.Equal("z", Feature(report, "two").GetProperty("method").GetString());
        Assert.Equal("z", Feature(report, "flag").GetProperty("method").GetString());
        Assert.Equal("categorical", Feature(report, "flag").GetProperty("kind").GetString());
        double[] rTwo = Enumerable.Range(0, 60).Select(i => (double)(i % 2)).ToArray();
        double[] cTwo = Enumerable.Range(0, 50).Select(i => i % 5 == 0 ? 1.0 : 0.0).ToArray();
        Assert.Equal(DriftStatistics.Numerical(DriftMethod.Z, rTwo, cTwo).Score, Feature(report, "two").GetProperty("score").GetDouble());
    }

    [Fact]
    public void Categorical_overrides_the_inferred_kind()
    {
        JsonElement report = Json(SeattleJson("--columns", "wind,temp_max", "--categorical", "wind"));
        JsonElement wind = Feature(report, "wind");
        Assert.Equal("categorical", wind.GetProperty("kind").GetString());
        Assert.Equal("chisquare", wind.GetProperty("method").GetString());
        (double[] r, double[] c) = Counts(Seattle.Rows(true), Seattle.Rows(false), Array.IndexOf(Seattle.Header, "wind"));
        Assert.Equal(DriftStatistics.Counts(DriftMethod.ChiSquare, r, c).Score, wind.GetProperty("score").GetDouble());
        Assert.Equal("numerical", Feature(report, "temp_max").GetProperty("kind").GetString());
        Assert.Equal(2, report.GetProperty("features").GetArrayLength());
    }

    [Theory]
    [InlineData("psi", DriftMethod.Psi)]
    [InlineData("kl_div", DriftMethod.KlDiv)]
    [InlineData("jensenshannon", DriftMethod.JensenShannon)]
    [InlineData("hellinger", DriftMethod.Hellinger)]
    [InlineData("anderson", DriftMethod.AndersonDarling)]
    [InlineData("MANNW", DriftMethod.MannWhitney)]
    [InlineData("t_test", DriftMethod.TTest)]
    [InlineData("ed", DriftMethod.EnergyDistance)]
    public void Method_is_used_for_every_numerical_column(string id, DriftMethod method)
    {
        JsonElement report = Json(SeattleJson("--method", id, "--columns", "temp_max,wind", "--thresholds", "fixed"));
        foreach (string column in new[] { "temp_max", "wind" })
        {
            JsonElement f = Feature(report, column);
            DriftOutcome expected = DriftStatistics.Numerical(method, Seattle.Numbers(true, column), Seattle.Numbers(false, column));
            Assert.Equal(DriftMethodCatalog.IdOf(method), f.GetProperty("method").GetString());
            Assert.Equal(expected.Score, f.GetProperty("score").GetDouble());
            Assert.Equal(DriftMethodCatalog.DefaultThreshold(method), f.GetProperty("threshold").GetDouble());
        }
    }

    [Fact]
    public void Method_psi_on_a_categorical_column_uses_the_counts()
    {
        JsonElement report = Json(SeattleJson("--method", "psi", "--columns", "weather"));
        (double[] r, double[] c) = Counts(Seattle.Rows(true), Seattle.Rows(false), Array.IndexOf(Seattle.Header, "weather"));
        Assert.Equal(DriftStatistics.Counts(DriftMethod.Psi, r, c).Score, Feature(report, "weather").GetProperty("score").GetDouble());
    }

    [Fact]
    public void Threshold_changes_the_decision()
    {
        JsonElement strict = Json(SeattleJson("--method", "wasserstein", "--columns", "temp_max,wind"));
        Assert.True(strict.GetProperty("datasetDrift").GetBoolean());
        JsonElement loose = Json(SeattleJson("--method", "wasserstein", "--columns", "temp_max,wind", "--threshold", "100"));
        Assert.False(loose.GetProperty("datasetDrift").GetBoolean());
        foreach (JsonElement f in loose.GetProperty("features").EnumerateArray())
        {
            Assert.Equal(100, f.GetProperty("threshold").GetDouble());
            Assert.False(f.GetProperty("drifted").GetBoolean());
        }
    }

    [Fact]
    public void Drift_share_and_fail_on_drift_decide_the_exit_code()
    {
        (string rf, string cf) = HalfDrifted();
        JsonElement half = Json(CliRunner.Run("drift", "-r", rf, "-c", cf, "-f", "json"));
        Assert.Equal(new[] { true, false }, half.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("drifted").GetBoolean()).ToArray());
        Assert.True(half.GetProperty("datasetDrift").GetBoolean()); // 1 of 2 >= 0.5
        Assert.Equal(0.5, half.GetProperty("shareOfDriftedColumns").GetDouble());

        JsonElement stricter = Json(CliRunner.Run("drift", "-r", rf, "-c", cf, "-f", "json", "--drift-share", "0.6"));
        Assert.False(stricter.GetProperty("datasetDrift").GetBoolean());
        Assert.Equal(0.6, stricter.GetProperty("driftShare").GetDouble());

        Assert.Equal(0, CliRunner.Run("drift", "-r", rf, "-c", cf).ExitCode);
        Assert.Equal(1, CliRunner.Run("drift", "-r", rf, "-c", cf, "--fail-on-drift").ExitCode);
        Assert.Equal(0, CliRunner.Run("drift", "-r", rf, "-c", cf, "--fail-on-drift", "--drift-share", "0.6").ExitCode);
        Assert.Equal(1, CliRunner.RunRoot("drift", "-r", rf, "-c", cf, "--fail-on-drift").ExitCode);
    }

    [Fact]
    public void Corrections_adjust_the_p_values()
    {
        JsonElement raw = Json(SeattleJson("--columns", "precipitation,wind,weather"));
        JsonElement bonf = Json(SeattleJson("--columns", "precipitation,wind,weather", "--correction", "bonferroni"));
        JsonElement bh = Json(SeattleJson("--columns", "precipitation,wind,weather", "--correction", "bh"));
        double[] p = raw.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("pValue").GetDouble()).ToArray();
        double[] expectedBonf = new double[3];
        double[] expectedBh = new double[3];
        MultipleTesting.Bonferroni(p, expectedBonf);
        MultipleTesting.BenjaminiHochberg(p, expectedBh);
        Assert.Equal(expectedBonf, bonf.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("adjustedPValue").GetDouble()).ToArray());
        Assert.Equal(expectedBh, bh.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("adjustedPValue").GetDouble()).ToArray());
        Assert.Equal(p, bonf.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("pValue").GetDouble()).ToArray());
        Assert.Equal("bonferroni", bonf.GetProperty("correction").GetString());
    }

    [Fact]
    public void Bonferroni_can_clear_a_marginal_feature()
    {
        string dir = CliRunner.TempDir();
        // a: a marginal shift (p between 0.05/2 and 0.05); b: no shift.
        string rf = CliRunner.WriteFile(dir, "r.csv", "a,b\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{i},{i}\n")));
        JsonElement probe = default;
        string cf = string.Empty;
        for (int step = 0; step < 40; step++)
        {
            double shift = 4 + (step / 10.0);
            cf = CliRunner.WriteFile(dir, "c.csv", "a,b\n" + string.Concat(Enumerable.Range(0, 40).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i + shift},{i}\n"))));
            probe = Json(CliRunner.Run("drift", "-r", rf, "-c", cf, "-f", "json", "--method", "t_test", "--thresholds", "fixed"));
            double pa = Feature(probe, "a").GetProperty("pValue").GetDouble();
            if (pa < 0.05 && pa * 2 >= 0.05)
            {
                break;
            }
        }

        Assert.True(Feature(probe, "a").GetProperty("drifted").GetBoolean());
        Assert.True(Feature(probe, "a").GetProperty("pValue").GetDouble() * 2 >= 0.05);
        JsonElement corrected = Json(CliRunner.Run("drift", "-r", rf, "-c", cf, "-f", "json", "--method", "t_test", "--correction", "bonferroni", "--thresholds", "fixed"));
        Assert.False(Feature(corrected, "a").GetProperty("drifted").GetBoolean());
        // As the monitor reports it: a fixed decision's score under a correction is the adjusted p-value it was judged on.
        Assert.Equal(Feature(corrected, "a").GetProperty("adjustedPValue").GetDouble(), Feature(corrected, "a").GetProperty("score").GetDouble());
    }

    [Fact]
    public void Output_writes_the_report_to_a_file()
    {
        string path = Path.Combine(CliRunner.TempDir(), "report.json");
        CliResult result = CliRunner.Run("drift", "-r", Seattle.SummerPath, "-c", Seattle.WinterPath, "--format", "json", "--output", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal(string.Empty, result.Stderr);
        JsonElement report = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        Assert.Equal(6, report.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public void Text_format_prints_a_table()
    {
        CliResult result = CliRunner.Run("drift", "-r", Seattle.SummerPath, "-c", Seattle.WinterPath);
        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Stdout.Split('\n');
        string headerLine = lines.Single(l => l.StartsWith("feature", StringComparison.Ordinal));
        foreach (string column in new[] { "kind", "method", "score", "threshold", "drift" })
        {
            Assert.Contains(column, headerLine, StringComparison.Ordinal);
        }

        // Every date is new in the current file, as it is in any other drift-free pair of date ranges: chisquare is infinite,
        // and so is every draw of its null, so the calibrated p-value is 1 and the date column (an identifier) is no drift.
        foreach (string name in Seattle.Header)
        {
            Assert.Contains(lines, l => l.StartsWith(name + " ", StringComparison.Ordinal) && l.Contains(name == "date" ? " ok " : "DRIFT", StringComparison.Ordinal));
        }

        Assert.Contains("dataset drift at a share of 0.5: YES", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Drifted features: 5 of 6", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Thresholds: calibrated at alpha = 0.05", result.Stdout, StringComparison.Ordinal);

        CliResult fixedResult = CliRunner.Run("drift", "-r", Seattle.SummerPath, "-c", Seattle.WinterPath, "--thresholds", "fixed");
        Assert.Contains("Drifted features: 6 of 6", fixedResult.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_values_are_dropped_and_counted()
    {
        string dir = CliRunner.TempDir();
        string rf = CliRunner.WriteFile(dir, "r.csv", "x,c\n1,a\n,b\nNA,\n2.5,null\n3,a\nNaN,N/A\n4e0,b\n5,a\n6,a\n7,b\n");
        string cf = CliRunner.WriteFile(dir, "c.csv", "x,c\n1,a\n2,\n\"\",b\n4,a\n 5 ,b\n6,b\n7,a\n");
        JsonElement report = Json(CliRunner.Run("drift", "-r", rf, "-c", cf, "-f", "json", "--method", "ks", "--columns", "x"));
        JsonElement x = Feature(report, "x");
        Assert.Equal(7, x.GetProperty("referenceCount").GetInt64());
        Assert.Equal(3, x.GetProperty("missingReference").GetInt64());
        Assert.Equal(6, x.GetProperty("currentCount").GetInt64());
        Assert.Equal(1, x.GetProperty("missingCurrent").GetInt64());
        DriftOutcome expected = DriftStatistics.Numerical(DriftMethod.Ks, new[] { 1, 2.5, 3, 4, 5, 6, 7 }, new double[] { 1, 2, 4, 5, 6, 7 });
        Assert.Equal(expected.Score, x.GetProperty("score").GetDouble());

        JsonElement cat = Feature(Json(CliRunner.Run("drift", "-r", rf, "-c", cf, "-f", "json", "--columns", "c")), "c");
        Assert.Equal("categorical", cat.GetProperty("kind").GetString());
        Assert.Equal(7, cat.GetProperty("referenceCount").GetInt64());
        Assert.Equal(3, cat.GetProperty("missingReference").GetInt64());
        Assert.Equal(1, cat.GetProperty("missingCurrent").GetInt64());
    }

    [Fact]
    public void A_current_file_of_numbers_read_while_the_reference_turns_the_column_categorical_is_read_again_as_categories()
    {
        // The current file is read at the same time as the reference, as numbers; the reference's text makes it categories.
        string dir = CliRunner.TempDir();
        string rf = CliRunner.WriteFile(dir, "r.csv", "v,w\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"{i % 3},{(i == 150 ? "text" : (i % 4).ToString(System.Globalization.CultureInfo.InvariantCulture))}\n")));
        string cf = CliRunner.WriteFile(dir, "c.csv", "v,w\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"{i % 3},{i % 5}\n")));
        JsonElement report = Json(CliRunner.Run("drift", "-r", rf, "-c", cf, "-f", "json", "-m", "chisquare"));
        JsonElement w = Feature(report, "w");
        Assert.Equal("categorical", w.GetProperty("kind").GetString());
        Assert.Equal(100, w.GetProperty("currentCount").GetInt64());
        // keys in ordinal order: "0".."4", "text"
        double[] reference = [50, 50, 49, 50, 0, 1];
        double[] current = [20, 20, 20, 20, 20, 0];
        Assert.Equal(DriftStatistics.Counts(DriftMethod.ChiSquare, reference, current).Score, w.GetProperty("score").GetDouble());
        Assert.Equal("numerical", Feature(report, "v").GetProperty("kind").GetString());
    }

    [Fact]
    public void A_column_that_turns_categorical_late_is_counted_from_the_start()
    {
        string dir = CliRunner.TempDir();
        string rf = CliRunner.WriteFile(dir, "r.csv", "v\n1\n2\n1\n,\nx\n2\n".Replace(",", string.Empty, StringComparison.Ordinal));
        string cf = CliRunner.WriteFile(dir, "c.csv", "v\n1\nx\nx\n2\n");
        JsonElement v = Feature(Json(CliRunner.Run("drift", "-r", rf, "-c", cf, "-f", "json")), "v");
        Assert.Equal("categorical", v.GetProperty("kind").GetString());
        Assert.Equal(5, v.GetProperty("referenceCount").GetInt64());
        Assert.Equal(1, v.GetProperty("missingReference").GetInt64()); // the empty line of a one-column file is its missing value
        // keys in ordinal order: "1", "2", "x"
        DriftOutcome expected = DriftStatistics.Counts(DriftMethod.ChiSquare, new double[] { 2, 2, 1 }, new double[] { 1, 1, 2 });
        Assert.Equal(expected.Score, v.GetProperty("score").GetDouble());
    }

    [Fact]
    public void Quoted_fields_with_commas_quotes_and_line_breaks_are_read()
    {
        string dir = CliRunner.TempDir();
        string rf = CliRunner.WriteFile(dir, "r.csv", "\"label\",n\r\n\"a, b\",1\r\n\"say \"\"hi\"\"\",2\r\n\"two\r\nlines\",3\r\nplain,4\r\n");
        string cf = CliRunner.WriteFile(dir, "c.csv", "n,label\n5,\"a, b\"\n6,plain\n7,\"two\r\nlines\"\n8,\"say \"\"hi\"\"\"");
        JsonElement report = Json(CliRunner.Run("drift", "-r", rf, "-c", cf, "-f", "json"));
        JsonElement label = Feature(report, "label");
        Assert.Equal("categorical", label.GetProperty("kind").GetString());
        Assert.Equal(4, label.GetProperty("referenceCount").GetInt64());
        Assert.Equal(4, label.GetProperty("currentCount").GetInt64());
        Assert.Equal(1.0, label.GetProperty("score").GetDouble()); // identical category counts: chi-square p = 1
        Assert.Equal(4, Feature(report, "n").GetProperty("currentCount").GetInt64());
    }

    private static (string Reference, string Current) HalfDrifted()
    {
        string dir = CliRunner.TempDir();
        string rf = CliRunner.WriteFile(dir, "r.csv", "moved,same\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"{i},{i}\n")));
        string cf = CliRunner.WriteFile(dir, "c.csv", "moved,same\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"{i + 60},{i}\n")));
        return (rf, cf);
    }

    private static (double[] Reference, double[] Current) Counts(string[][] reference, string[][] current, int column)
    {
        string[] keys = reference.Concat(current).Select(r => r[column]).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToArray();
        return (keys.Select(k => (double)reference.Count(r => r[column] == k)).ToArray(),
                keys.Select(k => (double)current.Count(r => r[column] == k)).ToArray());
    }
}
