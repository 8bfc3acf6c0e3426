using System;
using System.IO;
using System.Linq;

namespace MonitorGen.Cli.Tests;

public class BadInputTests
{
    private static readonly string Dir = CliRunner.TempDir();
    private static readonly string Good = CliRunner.WriteFile(Dir, "good.csv", "a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n");

    /// <summary>Exit code 2, exactly one line on stderr that names what is expected, no stack trace, nothing on stdout.</summary>
    private static void AssertBadInput(CliResult result, params string[] mentions)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        string[] lines = result.Stderr.TrimEnd('\n', '\r').Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("monitorgen: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
        foreach (string m in mentions)
        {
            Assert.Contains(m, lines[0], StringComparison.Ordinal);
        }
    }

    private static string File(string name, string content) => CliRunner.WriteFile(Dir, name, content);

    [Fact]
    public void Missing_reference_file()
    {
        string missing = Path.Combine(Dir, "nope.csv");
        AssertBadInput(CliRunner.Run("drift", "-r", missing, "-c", Good), missing, "not found");
    }

    [Fact]
    public void Missing_current_file()
    {
        string missing = Path.Combine(Dir, "gone.csv");
        AssertBadInput(CliRunner.Run("drift", "-r", Good, "-c", missing), missing, "not found");
    }

    [Fact]
    public void Column_named_in_columns_is_missing()
    {
        AssertBadInput(CliRunner.Run("drift", "-r", Good, "-c", Good, "--columns", "a,zzz"), Good + ":1:", "column 'zzz'", "no such column");
    }

    [Fact]
    public void Column_missing_from_the_current_header()
    {
        string cur = File("no-b.csv", "a,label\n1,x\n");
        AssertBadInput(CliRunner.Run("drift", "-r", Good, "-c", cur), cur + ":1:", "column 'b'", "no such column");
    }

    [Fact]
    public void Empty_column()
    {
        string cur = File("empty-b.csv", "a,b,label\n1,,x\n2,NA,y\n");
        AssertBadInput(CliRunner.Run("drift", "-r", Good, "-c", cur), cur + ":1:", "column 'b'", "empty");
    }

    [Fact]
    public void Empty_file()
    {
        string cur = File("empty.csv", string.Empty);
        AssertBadInput(CliRunner.Run("drift", "-r", Good, "-c", cur), cur + ":1:", "empty");
    }

    [Fact]
    public void Row_with_too_few_fields()
    {
        string cur = File("short.csv", "a,b,label\n1,2,x\n3,4\n5,6,y\n");
        AssertBadInput(CliRunner.Run("drift", "-r", Good, "-c", cur), cur + ":3:", "column 'label'", "2 fields", "header has 3");
    }

    [Fact]
    public void Row_with_too_many_fields()
    {
        string reference = File("long.csv", "a,b,label\n1,2,x\n3,4,y\n5,6,x,extra\n");
        AssertBadInput(CliRunner.Run("drift", "-r", reference, "-c", Good), reference + ":4:", "column '#4'", "4 fields");
    }

    [Fact]
    public void Unterminated_quote()
    {
        string cur = File("quote.csv", "a,b,label\n1,2,x\n3,4,\"y\n5,6,x\n");
        AssertBadInput(CliRunner.Run("drift", "-r", Good, "-c", cur), cur + ":3:", "column 'label'", "unterminated");
    }

    [Fact]
    public void Text_after_a_closing_quote()
    {
        string cur = File("quote2.csv", "a,b,label\n1,2,x\n3,\"4\"5,y\n");
        AssertBadInput(CliRunner.Run("drift", "-r", Good, "-c", cur), cur + ":3:", "column 'b'", "closing quote");
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_refused_rather_than_joining_two_records()
    {
        // Read as quotes, the two stray marks would pair up across the line break and make one record of 3 fields from two.
        string cur = File("stray-quotes.csv", "a,b,label\n1,2,x\n3,4\"y,5\n6,z\"w,x\n");
        AssertBadInput(CliRunner.Run("drift", "-r", Good, "-c", cur), cur + ":3:", "column 'b'", "a quote inside an unquoted field");
    }

    [Fact]
    public void Line_numbers_count_line_breaks_inside_quoted_fields()
    {
        string cur = File("multiline.csv", "a,b,label\n1,2,\"x\ny\"\n3,4,z\n5,oops,x\n");
        AssertBadInput(CliRunner.Run("drift", "-r", Good, "-c", cur), cur + ":5:", "column 'b'", "'oops' is not a number");
    }

    [Fact]
    public void Non_number_in_the_current_file_of_a_column_listed_in_columns()
    {
        string cur = File("nan-a.csv", "a,b,label\n1,2,x\nabc,4,y\n");
        AssertBadInput(CliRunner.Run("drift", "-r", Good, "-c", cur, "--columns", "a,label"), cur + ":3:", "column 'a'", "'abc' is not a number", "--categorical a");
    }

    [Fact]
    public void Non_number_in_a_column_forced_numerical()
    {
        string reference = File("ref-text.csv", "a,b,label\n1,2,x\n3,4,y\n");
        AssertBadInput(CliRunner.Run("drift", "-r", reference, "-c", Good, "--numerical", "label"), reference + ":2:", "column 'label'", "'x' is not a number", "--numerical");
    }

    [Fact]
    public void Categorical_column_with_a_numerical_method()
    {
        AssertBadInput(CliRunner.Run("drift", "-r", Good, "-c", Good, "--method", "ks", "--columns", "label"), "column 'label'", "ks", "categorical");
    }

    [Fact]
    public void Method_that_cannot_run_on_the_data()
    {
        // es needs at least 5 values per sample.
        AssertBadInput(CliRunner.Run("drift", "-r", Good, "-c", Good, "--method", "es", "--columns", "a"), "column 'a'", "es cannot run");
    }

    [Theory]
    [InlineData("--method", "nope", "unknown method 'nope'")]
    [InlineData("--format", "xml", "xml")]
    [InlineData("--correction", "holm", "holm")]
    [InlineData("--threshold", "abc", "abc")]
    [InlineData("--threshold", "-1", "--threshold")]
    [InlineData("--drift-share", "1.5", "--drift-share")]
    [InlineData("--bogus", "1", "--bogus")]
    [InlineData("--column-alpha", "a", "'a' is not column=alpha")]
    [InlineData("--column-alpha", "a=x", "'a=x' is not column=alpha")]
    [InlineData("--column-alpha", "a=1", "a: 1 is not strictly between 0 and 1")]
    [InlineData("--column-alpha", "a=0.1,a=0.2", "column 'a' is listed twice")]
    [InlineData("--column-alpha", "nope=0.1", "no such column in the header (named in --column-alpha)")]
    public void Bad_options(string option, string value, string mention)
    {
        AssertBadInput(CliRunner.Run("drift", "-r", Good, "-c", Good, option, value), mention);
    }

    [Fact]
    public void Missing_required_option()
    {
        AssertBadInput(CliRunner.Run("drift", "-r", Good), "--current");
    }

    [Fact]
    public void Unwritable_output()
    {
        string output = Path.Combine(Dir, "no-such-dir", "report.json");
        AssertBadInput(CliRunner.Run("drift", "-r", Good, "-c", Good, "--output", output), output, "cannot write");
    }

    [Fact]
    public void Bad_input_through_the_root_command_is_also_exit_2()
    {
        string missing = Path.Combine(Dir, "nope2.csv");
        CliResult result = CliRunner.RunRoot("drift", "-r", missing, "-c", Good);
        AssertBadInput(result, missing);
        Assert.True(result.Stderr.Split('\n').Count(l => l.Length > 0) == 1);
    }
}
