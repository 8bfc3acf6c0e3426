using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using MonitorGen.Statistics;

namespace MonitorGen.Cli.Tests;

/// <summary>The inputs that used to cost memory, change a column's kind silently, overflow a count or reach the terminal.</summary>
public sealed class HostileInputTests
{
    private static readonly string Dir = CliRunner.TempDir();

    private static string Numbers(string name, int rows, Func<int, string> value, string header = "x") =>
        CliRunner.WriteFile(Dir, name, header + "\n" + string.Concat(Enumerable.Range(0, rows).Select(i => value(i) + "\n")));

    [Fact]
    public void An_unterminated_quote_near_the_top_fails_on_its_line_in_bounded_memory()
    {
        // 3 lines of data, an opening quote that never closes, then 24 MB: the reader used to buffer all of it.
        string path = Path.Combine(Dir, "unterminated.csv");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            writer.Write("a,label\n1,x\n2,y\n3,\"z\n");
            string line = "12345.678,abcdefghijklmnopqrstuvwxyz\n";
            for (int i = 0; i < 24_000_000 / line.Length; i++)
            {
                writer.Write(line);
            }
        }

        string reference = CliRunner.WriteFile(Dir, "quote-ref.csv", "a,label\n1,x\n2,y\n");
        CliRunner.Run("drift", "-r", reference, "-c", reference); // JIT and static tables, outside the measurement
        long before = GC.GetAllocatedBytesForCurrentThread();
        CliResult result = CliRunner.Run("drift", "-r", reference, "-c", path);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.Contains(path + ":4:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("not closed", result.Stderr, StringComparison.Ordinal);
        Assert.True(allocated < 16_000_000, $"{allocated:N0} bytes allocated for a 24 MB file");
    }

    [Fact]
    public void A_record_longer_than_the_limit_is_refused_even_when_quoted_properly()
    {
        string field = new('x', RecordLengthGuard.MaxRecordChars + 10);
        string path = CliRunner.WriteFile(Dir, "long.csv", $"a,label\n1,x\n2,\"{field}\"\n");
        CliResult result = CliRunner.Run("drift", "-r", path, "-c", path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(":3:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("1,048,576", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("inf")]
    [InlineData("-INF")]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    public void A_non_finite_value_is_counted_and_left_out_and_the_column_stays_numerical(string nonFinite)
    {
        string reference = Numbers($"nf-ref-{nonFinite}.csv", 200, i => i == 7 ? nonFinite : (i * 0.5).ToString(System.Globalization.CultureInfo.InvariantCulture));
        string current = Numbers($"nf-cur-{nonFinite}.csv", 200, i => i % 50 == 0 ? nonFinite : (i * 0.5).ToString(System.Globalization.CultureInfo.InvariantCulture));

        CliResult result = CliRunner.Run("drift", "-r", reference, "-c", current, "-m", "ks", "-f", "json");

        Assert.Equal(0, result.ExitCode);
        JsonElement x = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("features")[0];
        Assert.Equal("numerical", x.GetProperty("kind").GetString());
        Assert.Equal(1, x.GetProperty("nonFiniteReference").GetInt64());
        Assert.Equal(4, x.GetProperty("nonFiniteCurrent").GetInt64());
        Assert.Equal(199, x.GetProperty("referenceCount").GetInt64());
        Assert.Equal(196, x.GetProperty("currentCount").GetInt64());
        Assert.Equal(0, x.GetProperty("missingCurrent").GetInt64());
        double[] r = Enumerable.Range(0, 200).Where(i => i != 7).Select(i => i * 0.5).ToArray();
        double[] c = Enumerable.Range(0, 200).Where(i => i % 50 != 0).Select(i => i * 0.5).ToArray();
        Assert.Equal(DriftStatistics.Numerical(DriftMethod.Ks, r, c).Score, x.GetProperty("score").GetDouble());

        CliResult text = CliRunner.Run("drift", "-r", reference, "-c", current, "-m", "ks");
        Assert.Contains("Non-finite values", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("x (ref 1, cur 4)", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_of_text_with_a_non_finite_value_is_categorical_and_keeps_that_value_as_a_category()
    {
        string path = Numbers("nf-text.csv", 100, i => i == 0 ? "inf" : i % 2 == 0 ? "red" : "blue");
        CliResult result = CliRunner.Run("drift", "-r", path, "-c", path, "-f", "json");
        JsonElement x = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("features")[0];
        Assert.Equal("categorical", x.GetProperty("kind").GetString());
        Assert.Equal(100, x.GetProperty("referenceCount").GetInt64());
        Assert.Equal(0, x.GetProperty("nonFiniteReference").GetInt64());
    }

    [Fact]
    public void Counts_past_the_largest_array_are_refused_and_the_bins_of_billions_of_values_do_not_overflow()
    {
        var list = new DoubleList(maxCount: 3);
        list.Add(1);
        list.Add(2);
        list.Add(3);
        Assert.True(list.IsFull);
        Assert.Throws<InvalidOperationException>(() => list.Add(4));

        // Doubling from 2^30 used to overflow int and shrink the array; it now stops at the largest array.
        Assert.Equal(DoubleList.MaxValues, DoubleList.NextCapacity(1 << 30, DoubleList.MaxValues));
        Assert.Equal(1 << 30, DoubleList.NextCapacity(1 << 29, DoubleList.MaxValues));
        Assert.Equal(1024, DoubleList.NextCapacity(0, DoubleList.MaxValues));

        // Two streamed files of 1.5e9 values each: NumPy's Sturges count is ceil(log2(3e9) + 1) = 33 bins.
        Assert.Equal(34, Binning.SturgesEdges(0, 1, 3_000_000_000L).Length);
    }

    [Fact]
    public void Control_characters_in_names_and_fields_reach_the_terminal_escaped()
    {
        string header = "\"col\u001b[31mred\u0007\"";
        string reference = CliRunner.WriteFile(Dir, "ctl-ref.csv", header + "\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{i}\n")));
        string current = CliRunner.WriteFile(Dir, "ctl-cur.csv", header + "\n" + string.Concat(Enumerable.Range(0, 40).Select(i => i == 5 ? "\"bad\u001b]0;title\u0007\"\n" : $"{i}\n")));

        CliResult text = CliRunner.Run("drift", "-r", reference, "-c", reference);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("col\\e[31mred\\u{0007}", text.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text.Stdout);
        Assert.DoesNotContain('\u0007', text.Stdout);

        CliResult error = CliRunner.Run("drift", "-r", reference, "-c", current);
        Assert.Equal(2, error.ExitCode);
        Assert.Contains("bad\\e]0;title\\u{0007}", error.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', error.Stderr);

        Assert.Equal("a\\tb\\nc\\r\\u{202E}d", TerminalText.Escape("a\tb\nc\r\u202Ed"));
        Assert.Same("plain", TerminalText.Escape("plain"));
    }

    [Fact]
    public void An_empty_line_in_a_one_column_file_is_a_missing_value_and_in_a_wider_file_a_blank_line()
    {
        string one = CliRunner.WriteFile(Dir, "one-col.csv", "x\n" + string.Concat(Enumerable.Range(0, 40).Select(i => i % 10 == 3 ? "\n" : $"{i}\n")));
        JsonElement x = JsonDocument.Parse(CliRunner.Run("drift", "-r", one, "-c", one, "-f", "json").Stdout).RootElement.GetProperty("features")[0];
        Assert.Equal(4, x.GetProperty("missingReference").GetInt64());
        Assert.Equal(36, x.GetProperty("referenceCount").GetInt64());

        string two = CliRunner.WriteFile(Dir, "two-col.csv", "x,y\n" + string.Concat(Enumerable.Range(0, 40).Select(i => i % 10 == 3 ? "\n" : $"{i},{i}\n")));
        JsonElement y = JsonDocument.Parse(CliRunner.Run("drift", "-r", two, "-c", two, "-f", "json").Stdout).RootElement.GetProperty("features")[0];
        Assert.Equal(0, y.GetProperty("missingReference").GetInt64());
        Assert.Equal(36, y.GetProperty("referenceCount").GetInt64());
    }

    [Fact]
    public void The_rank_tests_run_on_at_most_one_column_per_core()
    {
        int columns = (2 * Environment.ProcessorCount) + 4;
        string header = string.Join(',', Enumerable.Range(0, columns).Select(c => $"c{c}"));
        var random = new Random(7);
        string Rows() => string.Concat(Enumerable.Range(0, 3000).Select(_ => string.Join(',', Enumerable.Range(0, columns).Select(_ => random.NextDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + "\n"));
        string reference = CliRunner.WriteFile(Dir, "wide-ref.csv", header + "\n" + Rows());
        string current = CliRunner.WriteFile(Dir, "wide-cur.csv", header + "\n" + Rows());

        Assert.Equal(0, CliRunner.Run("drift", "-r", reference, "-c", current, "-m", "anderson").ExitCode);

        Assert.InRange(CsvDriftCheck.MostColumnsAtOnce, 1, CsvDriftCheck.MaxColumnsAtOnce);
    }
}
