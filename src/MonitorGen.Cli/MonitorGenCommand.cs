using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using MonitorGen.Calibration;
using MonitorGen.DriftMethods;
using MonitorGen.Statistics;

namespace MonitorGen.Cli;

/// <summary>The System.CommandLine root of <c>monitorgen</c> and its exit codes.</summary>
public static class MonitorGenCommand
{
    /// <summary>Success: the report was written (and, with --fail-on-drift, the dataset did not drift).</summary>
    public const int Success = 0;

    /// <summary>--fail-on-drift was given and the dataset drifted.</summary>
    public const int Drift = 1;

    /// <summary>Bad input: options, files, columns or values.</summary>
    public const int BadInput = 2;

    /// <summary>An unexpected failure (a bug): still one line on stderr, no stack trace.</summary>
    public const int InternalError = 3;

    internal static readonly string MemoryNote =
        "Memory: the files are streamed (one 64K buffer and one record at a time). A categorical column keeps one count per " +
        "distinct value. With psi, kl_div or jensenshannon (named with --method, or chosen by the default rules) a numerical column is " +
        "bounded: a first pass keeps count, min, max and up to 21 distinct values per file, a second pass fills the Sturges bins, so " +
        "memory does not grow with the rows (the exception: a reference with at most 20 distinct values and a current file with more " +
        "keeps the raw values, as does hellinger). The other methods need the raw samples: 8 bytes per value (up to 16 while the array " +
        "grows) for both files, and the rank and sample methods (" +
        string.Join(", ", DriftMethodTable.Methods.Where(m => m.Inputs == DriftMethodInputs.NumericalOnly).Select(m => m.Id)) +
        ") sort or copy them, about 8-24 more bytes per value while a column is tested; at most one column per core is tested at once. " +
        "A record may be at most 1,048,576 characters long, so an unterminated quote fails on its line.";

    /// <summary>Builds the root command (<c>monitorgen</c>) with its <c>drift</c> subcommand.</summary>
    /// <remarks>A plain <see cref="Command"/> named <c>monitorgen</c> (rather than <see cref="RootCommand"/>, which takes the name of the
    /// executable, MonitorGen.Cli) with the help and version options, so that help shows <c>monitorgen drift</c>.</remarks>
    public static Command CreateRootCommand()
    {
        var root = new Command("monitorgen", "monitorgen: ML monitoring from the command line. Compare a reference and a current CSV file for drift, as text, JSON or an HTML report.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(CreateDriftCommand());
        root.Subcommands.Add(CreateReportCommand());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>. Parse errors are one line on stderr with exit code 2.</summary>
    public static int Invoke(string[] args, InvocationConfiguration? configuration = null)
    {
        configuration ??= new InvocationConfiguration();
        ParseResult parse = CreateRootCommand().Parse(args);
        if (parse.Errors.Count > 0)
        {
            string message = string.Join("; ", parse.Errors.Select(e => e.Message.ReplaceLineEndings(" ").Replace("\t", string.Empty, StringComparison.Ordinal)));
            configuration.Error.WriteLine($"monitorgen: {message} (see monitorgen {FirstCommand(args)}--help)");
            return BadInput;
        }

        return parse.Invoke(configuration);
    }

    private static string FirstCommand(string[] args) => args.Length > 0 && args[0] is "drift" or "report" ? args[0] + " " : string.Empty;

    private static Command CreateDriftCommand()
    {
        var options = new DriftCommandOptions();
        var format = new Option<string>("--format", "-f") { Description = "The report format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of stdout." };
        var failOnDrift = new Option<bool>("--fail-on-drift") { Description = "Exit with code 1 when the dataset drifted." };

        var drift = new Command("drift",
            "Compare the columns of a reference and a current CSV file (RFC 4180, header line, comma-separated) and report drift per column " +
            "and for the dataset. Numerical columns are those whose non-missing reference values all parse as invariant-culture numbers; " +
            "missing values (empty, NA, N/A, NaN, null) are dropped and counted, and so are non-finite ones (Infinity, inf, 1e400) in a " +
            "numerical column. Exit codes: 0 success, 1 dataset drift with --fail-on-drift, " +
            "2 bad input. " + MemoryNote);
        options.AddTo(drift);
        drift.Options.Add(format);
        drift.Options.Add(output);
        drift.Options.Add(failOnDrift);
        drift.SetAction(parse => Run(parse, () =>
        {
            FileDriftReport report = CsvDriftCheck.Run(options.Read(parse));
            string text = parse.GetValue(format) == "json" ? ReportWriters.Json(report) : ReportWriters.Text(report);
            WriteOutput(parse.GetValue(output), text, parse.InvocationConfiguration.Output);
            return parse.GetValue(failOnDrift) && report.Report.DatasetDrift ? Drift : Success;
        }));
        return drift;
    }

    private static Command CreateReportCommand()
    {
        var options = new DriftCommandOptions();
        var output = new Option<string>("--output", "-o") { Description = "The HTML file to write.", Required = true };
        var title = new Option<string?>("--title") { Description = "The page title (default: the two file names)." };
        var failOnDrift = new Option<bool>("--fail-on-drift") { Description = "Exit with code 1 when the dataset drifted." };
        var report = new Command("report",
            "Compare two CSV files as drift does, and write a self-contained HTML report: the summary, the drift table ranked by drift, and " +
            "each column's reference and current distributions on the same bins. The file needs no network and holds counts and scores " +
            "only, no raw row; the same input gives the same bytes. Exit codes as drift's.");
        options.AddTo(report);
        report.Options.Add(output);
        report.Options.Add(title);
        report.Options.Add(failOnDrift);
        report.SetAction(parse => Run(parse, () =>
        {
            FileDriftReport check = CsvDriftCheck.Run(options.Read(parse) with { Distributions = true });
            WriteOutput(parse.GetRequiredValue(output), FileHtmlReport.Render(check, parse.GetValue(title)), parse.InvocationConfiguration.Output);
            return parse.GetValue(failOnDrift) && check.Report.DatasetDrift ? Drift : Success;
        }));
        return report;
    }

    // Every failure is one line on stderr: bad input with exit code 2, anything else (a bug) with 3.
    private static int Run(ParseResult parse, Func<int> action)
    {
        TextWriter stderr = parse.InvocationConfiguration.Error;
        try
        {
            return action();
        }
        catch (InputException e)
        {
            stderr.WriteLine($"monitorgen: {TerminalText.Escape(e.Message.ReplaceLineEndings(" "))}");
            return BadInput;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"monitorgen: internal error ({e.GetType().Name}): {TerminalText.Escape(e.Message.ReplaceLineEndings(" "))}");
            return InternalError;
        }
    }

    private static void WriteOutput(string? path, string text, TextWriter stdout)
    {
        if (path is null)
        {
            stdout.Write(text);
            return;
        }

        try
        {
            File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw InputException.At(path, 0, null, $"cannot write the report: {e.Message}");
        }
    }

    /// <summary>Checks the options that <see cref="DriftCommandOptions"/> reads.</summary>
    internal static DriftOptions Validate(
        string reference, string current, string? columns, string? categorical, string? numerical, string? method, double? threshold,
        double driftShare, string correction)
    {
        DriftMethod m = DriftMethod.Auto;
        if (method is not null && !DriftMethodCatalog.TryParseId(method, out m))
        {
            throw new InputException($"--method: unknown method '{method}' (known: {DriftMethodTable.IdList})");
        }

        if (threshold is double t && !(double.IsFinite(t) && t >= 0))
        {
            throw new InputException($"--threshold: {t} is not a finite non-negative number");
        }

        if (!(driftShare >= 0 && driftShare <= 1))
        {
            throw new InputException($"--drift-share: {driftShare} is not between 0 and 1");
        }

        MultipleTestingCorrection c = correction switch
        {
            "bonferroni" => MultipleTestingCorrection.Bonferroni,
            "bh" => MultipleTestingCorrection.BenjaminiHochberg,
            _ => MultipleTestingCorrection.None,
        };
        return new DriftOptions(reference, current, columns is null ? null : SplitList("--columns", columns), SplitList("--categorical", categorical),
            SplitList("--numerical", numerical), m, threshold, driftShare, c);
    }

    internal static double CheckAlpha(double alpha) =>
        alpha > 0 && alpha < 1 ? alpha : throw new InputException($"--alpha: {alpha} is not strictly between 0 and 1");

    internal static Dictionary<string, double> ParseColumnAlpha(string? pairs)
    {
        var alphas = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string pair in SplitList("--column-alpha", pairs))
        {
            int equals = pair.LastIndexOf('=');
            if (equals <= 0 || !double.TryParse(pair.AsSpan(equals + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double alpha))
            {
                throw new InputException($"--column-alpha: '{pair}' is not column=alpha");
            }

            string column = pair[..equals];
            if (!(alpha > 0 && alpha < 1))
            {
                throw new InputException($"--column-alpha: {column}: {alpha} is not strictly between 0 and 1");
            }

            if (!alphas.TryAdd(column, alpha))
            {
                throw new InputException($"--column-alpha: column '{column}' is listed twice");
            }
        }

        return alphas;
    }

    internal static int CheckResamples(int resamples) =>
        resamples is >= 100 and <= 1_000_000 ? resamples : throw new InputException($"--resamples: {resamples} is not between 100 and 1000000");

    private static List<string> SplitList(string option, string? list)
    {
        if (list is null)
        {
            return new List<string>();
        }

        var names = list.Split(',', StringSplitOptions.TrimEntries).ToList();
        if (names.Any(n => n.Length == 0))
        {
            throw new InputException($"{option}: empty column name in '{list}'");
        }

        return names;
    }
}
