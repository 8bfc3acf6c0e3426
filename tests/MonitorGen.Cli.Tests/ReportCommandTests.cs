using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MonitorGen.Cli.Tests;

/// <summary><c>monitorgen report</c>: the same check as <c>drift</c>, written as one HTML file.</summary>
public sealed class ReportCommandTests
{
    [Fact]
    public void The_report_is_byte_identical_for_the_same_input_and_its_drifted_rows_are_drift_s()
    {
        string dir = CliRunner.TempDir();
        string first = Path.Combine(dir, "first.html");
        string second = Path.Combine(dir, "second.html");
        string[] files = ["-r", Seattle.SummerPath, "-c", Seattle.WinterPath, "--columns", "precipitation,temp_max,temp_min,wind,weather"];

        Assert.Equal(0, CliRunner.Run(["report", .. files, "-o", first]).ExitCode);
        Assert.Equal(0, CliRunner.Run(["report", .. files, "-o", second]).ExitCode);
        CliResult drift = CliRunner.Run(["drift", .. files, "-f", "json"]);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        string page = File.ReadAllText(first);
        string[] drifted = JsonDocument.Parse(drift.Stdout).RootElement.GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("drifted").GetBoolean()).Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToArray();
        string[] rows = Regex.Matches(page, "data-feature=\"([^\"]+)\" data-drifted=\"true\"").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(drifted);
        Assert.Equal(drifted, rows);
        Assert.Equal(5, Regex.Matches(page, "data-chart=\"distribution\"").Count);
    }

    [Fact]
    public void The_summary_counts_the_current_rows_with_a_missing_value()
    {
        string dir = CliRunner.TempDir();
        string reference = CliRunner.WriteFile(dir, "r.csv", "a,b\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"{i},{i % 3}\n")));
        string current = CliRunner.WriteFile(dir, "c.csv", "a,b\n" + string.Concat(Enumerable.Range(0, 50).Select(i => i % 10 == 0 ? ",NA\n" : i % 5 == 0 ? $"{i},\n" : $"{i},{i % 3}\n")));
        string html = Path.Combine(dir, "report.html");

        Assert.Equal(0, CliRunner.Run("report", "-r", reference, "-c", current, "-o", html).ExitCode);

        Assert.Contains("10 of 50 rows with issues (20.0 %)", File.ReadAllText(html), StringComparison.Ordinal);
    }

    [Fact]
    public void A_category_beyond_the_thirtieth_is_summed_into_one_bar()
    {
        string dir = CliRunner.TempDir();
        string rows = string.Concat(Enumerable.Range(0, 400).Select(i => $"k{i % 40:D2}\n"));
        string reference = CliRunner.WriteFile(dir, "r.csv", "key\n" + rows);
        string current = CliRunner.WriteFile(dir, "c.csv", "key\n" + rows);
        string html = Path.Combine(dir, "report.html");

        Assert.Equal(0, CliRunner.Run("report", "-r", reference, "-c", current, "-o", html).ExitCode);

        string page = File.ReadAllText(html);
        Assert.Contains("(other): 10 more", page, StringComparison.Ordinal);
        Assert.Contains("\"k29\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("\"k30\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_output_file_or_with_bad_input_the_report_is_exit_2_and_one_line()
    {
        CliResult noOutput = CliRunner.Run("report", "-r", Seattle.SummerPath, "-c", Seattle.WinterPath);
        Assert.Equal(2, noOutput.ExitCode);
        Assert.Contains("--output", noOutput.Stderr, StringComparison.Ordinal);
        Assert.Contains("monitorgen report --help", noOutput.Stderr, StringComparison.Ordinal);

        string dir = CliRunner.TempDir();
        CliResult missing = CliRunner.Run("report", "-r", Path.Combine(dir, "none.csv"), "-c", Seattle.WinterPath, "-o", Path.Combine(dir, "r.html"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Single(missing.Stderr.TrimEnd().Split('\n'));
        Assert.False(File.Exists(Path.Combine(dir, "r.html")));

        CliResult unwritable = CliRunner.Run("report", "-r", Seattle.SummerPath, "-c", Seattle.WinterPath, "-o", Path.Combine(dir, "no-such-dir", "r.html"));
        Assert.Equal(2, unwritable.ExitCode);
        Assert.Contains("cannot write the report", unwritable.Stderr, StringComparison.Ordinal);
    }
}
