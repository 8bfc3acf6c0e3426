using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using MonitorGen.Calibration;
using MonitorGen.Cli.Rules;
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

    /// <summary>Builds the root command (<c>monitorgen</c>) with its <c>drift</c>, <c>report</c> and <c>rules</c> subcommands.</summary>
    /// <remarks>A plain <see cref="Command"/> named <c>monitorgen</c> (rather than <see cref="RootCommand"/>, which takes the name of the
    /// executable, MonitorGen.Cli) with the help and version options, so that help shows <c>monitorgen drift</c>.</remarks>
    public static Command CreateRootCommand()
    {
        var root = new Command("monitorgen", "monitorgen: ML monitoring from the command line. Compare a reference and a current CSV file for drift, as text, JSON or an HTML report, and write the Prometheus rules of deployed profiles.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(CreateDriftCommand());
        root.Subcommands.Add(CreateReportCommand());
        root.Subcommands.Add(CreateRulesCommand());
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

    private static string FirstCommand(string[] args) => args.Length > 0 && args[0] is "drift" or "report" or "rules" ? args[0] + " " : string.Empty;

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

    private static Command CreateRulesCommand()
    {
        RulesOptions d = RulesOptions.Default;
        var profiles = new Option<string[]>("--profile", "-p") { Description = "A reference profile (*.monitorprofile.json); repeat for each record of each model.", Required = true, Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var output = new Option<string?>("--output", "-o") { Description = "The rule file to write (default: stdout)." };
        var window = DurationOption("--window", d.FleetWindow, "The window of the fleet drift rules.");
        var absentFor = DurationOption("--absent-for", d.AbsentFor, "No prediction for this long fires MonitorGenPredictionsAbsent.");
        var checkInterval = DurationOption("--check-interval", d.CheckInterval, "The services' MonitorGen:CheckInterval.");
        var driftChecks = new Option<int>("--drift-checks") { Description = "Consecutive alarmed checks before MonitorGenDriftDetected fires.", DefaultValueFactory = _ => d.DriftChecks };
        var volumeShare = new Option<double>("--volume-share") { Description = "The volume is low below this share of the same hour a week earlier.", DefaultValueFactory = _ => d.VolumeShare };
        var volumeFloor = new Option<double>("--volume-floor") { Description = "The guard: a week-earlier hour under this many predictions a minute is not judged.", DefaultValueFactory = _ => d.VolumeFloorPerMinute };
        var dataQuality = new Option<double>("--max-data-quality-share") { Description = "Data-quality events per prediction above which MonitorGenDataQualityHigh fires.", DefaultValueFactory = _ => d.MaxDataQualityShare };
        var slo = new Option<double>("--error-slo") { Description = "The objective of successful predictions, for the error-budget burn rates.", DefaultValueFactory = _ => d.ErrorSlo };
        var runLength = new Option<double>("--expected-run-length") { Description = "The fleet drift budget: windows of drift-free data per false alarm over a record.", DefaultValueFactory = _ => d.ExpectedRunLength };
        var minimumWindow = new Option<int>("--minimum-window") { Description = "A feature with fewer fleet rows in the window is not judged.", DefaultValueFactory = _ => d.MinimumWindowSize };
        var rules = new Command("rules",
            "Write a Prometheus rule file from the deployable profiles: alerts (predictions absent, volume down against the same hour a week " +
            "earlier, drift on consecutive checks, data quality, self errors, error-budget burn rates) and the recording rules of fleet-wide " +
            "drift (PSI, Jensen-Shannon, chi-square per feature over every replica, with PSI's window-size-aware threshold). Check it with " +
            "promtool check rules. Exit codes: 0 success, 2 bad input.")
        {
            profiles, output, window, absentFor, checkInterval, driftChecks, volumeShare, volumeFloor, dataQuality, slo, runLength, minimumWindow,
        };
        rules.SetAction(parse => Run(parse, () =>
        {
            var options = new RulesOptions(
                parse.GetValue(window), parse.GetValue(absentFor), parse.GetValue(checkInterval),
                AtLeast("--drift-checks", parse.GetValue(driftChecks), 1),
                Share("--volume-share", parse.GetValue(volumeShare)),
                FiniteAtLeast("--volume-floor", parse.GetValue(volumeFloor), 0),
                FiniteAtLeast("--max-data-quality-share", parse.GetValue(dataQuality), 0),
                Share("--error-slo", parse.GetValue(slo)) is double objective && objective < 1 ? objective : throw new InputException("--error-slo: an objective of 1 leaves no error budget"),
                FiniteAtLeast("--expected-run-length", parse.GetValue(runLength), 1),
                AtLeast("--minimum-window", parse.GetValue(minimumWindow), 1));
            WriteOutput(parse.GetValue(output), RuleFileBuilder.Build(parse.GetRequiredValue(profiles), options), parse.InvocationConfiguration.Output);
            return Success;
        }));
        return rules;

        static double Share(string name, double value) =>
            value > 0 && value <= 1 ? value : throw new InputException($"{name}: {value} is not in (0, 1]");

        static double FiniteAtLeast(string name, double value, double least) =>
            value >= least && double.IsFinite(value) ? value : throw new InputException($"{name}: {value} is not a finite number of at least {least}");

        static int AtLeast(string name, int value, int least) =>
            value >= least ? value : throw new InputException($"{name}: {value} is not at least {least}");
    }

    private static Option<TimeSpan> DurationOption(string name, TimeSpan defaultValue, string description) => new(name)
    {
        Description = $"{description} A Prometheus duration such as 30s, 10m or 1h (default {PromQl.Duration(defaultValue)}).",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            string text = result.Tokens.Single().Value;
            if (PromQl.ParseDuration(text) is { } duration && duration > TimeSpan.Zero)
            {
                return duration;
            }

            result.AddError($"{name}: '{text}' is not a positive Prometheus duration such as 30s, 10m or 1h");
            return default;
        },
    };

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
