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
        ") sort or copy them, about 8-24 more bytes per value while a column is tested.";

    /// <summary>Builds the root command (<c>monitorgen</c>) with its <c>drift</c> subcommand.</summary>
    /// <remarks>A plain <see cref="Command"/> named <c>monitorgen</c> (rather than <see cref="RootCommand"/>, which takes the name of the
    /// executable, MonitorGen.Cli) with the help and version options, so that help shows <c>monitorgen drift</c>.</remarks>
    public static Command CreateRootCommand()
    {
        var root = new Command("monitorgen", "monitorgen: ML monitoring from the command line. Compare a reference and a current CSV file for drift.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(CreateDriftCommand());
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

    private static string FirstCommand(string[] args) => args.Length > 0 && args[0] == "drift" ? "drift " : string.Empty;

    private static Command CreateDriftCommand()
    {
        var reference = new Option<string>("--reference", "-r") { Description = "The reference CSV file (for example the training data).", Required = true };
        var current = new Option<string>("--current", "-c") { Description = "The current CSV file (for example production data).", Required = true };
        var columns = new Option<string?>("--columns") { Description = "Comma-separated columns to compare (default: every column of the reference header)." };
        var categorical = new Option<string?>("--categorical") { Description = "Comma-separated columns to treat as categorical even when every value is a number." };
        var numerical = new Option<string?>("--numerical") { Description = "Comma-separated columns that must be numerical: a value that is not a number in either file is an error." };
        var method = new Option<string?>("--method", "-m")
        {
            Description = $"The drift method for every column: {DriftMethodTable.IdList}. Default: Evidently's rules per column " +
                "(n = reference values, u = distinct values; n <= 1000: numerical u > 5 -> ks, else chisquare (u > 2) or z; " +
                "n > 1000: numerical u > 5 -> wasserstein, else jensenshannon).",
        };
        var threshold = new Option<double?>("--threshold", "-t") { Description = "A fixed drift threshold for every column (implies --thresholds fixed; default: each method's own, 0.05 or 0.1)." };
        var thresholds = new Option<string>("--thresholds")
        {
            Description = "calibrated (default): a column drifts when its p-value, valid at these sizes, is at most --alpha and its effect reaches " +
                "the method's floor (0.1); distances, chisquare and g_test get a null resampled from the pooled data (--resamples draws, seeded). " +
                "fixed: Evidently's fixed thresholds.",
            DefaultValueFactory = _ => "calibrated",
        };
        thresholds.AcceptOnlyFromAmong("calibrated", "fixed");
        var alpha = new Option<double>("--alpha") { Description = "The per-column false-alarm rate of calibrated thresholds.", DefaultValueFactory = _ => DriftCalibration.DefaultAlpha };
        var columnAlpha = new Option<string?>("--column-alpha")
        {
            Description = "Comma-separated column=alpha pairs that set a column's own false-alarm rate in place of --alpha (calibrated thresholds).",
        };
        var resamples = new Option<int>("--resamples")
        {
            Description = "Draws of the resampled null per column (calibrated thresholds). More draws resolve smaller p-values and take longer.",
            DefaultValueFactory = _ => DriftCalibration.DefaultCliResamples,
        };
        var driftShare = new Option<double>("--drift-share") { Description = "The dataset drifted when at least this share of the columns drifted.", DefaultValueFactory = _ => 0.5 };
        var correction = new Option<string>("--correction") { Description = "Multiple-testing correction of the p-values: none, bonferroni or bh (Benjamini-Hochberg).", DefaultValueFactory = _ => "none" };
        correction.AcceptOnlyFromAmong("none", "bonferroni", "bh");
        var format = new Option<string>("--format", "-f") { Description = "The report format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of stdout." };
        var failOnDrift = new Option<bool>("--fail-on-drift") { Description = "Exit with code 1 when the dataset drifted." };

        var drift = new Command("drift",
            "Compare the columns of a reference and a current CSV file (RFC 4180, header line, comma-separated) and report drift per column " +
            "and for the dataset. Numerical columns are those whose non-missing reference values all parse as invariant-culture numbers; " +
            "missing values (empty, NA, N/A, NaN, null) are dropped and counted. Exit codes: 0 success, 1 dataset drift with --fail-on-drift, " +
            "2 bad input. " + MemoryNote)
        {
            reference, current, columns, categorical, numerical, method, threshold, thresholds, alpha, columnAlpha, resamples, driftShare, correction, format,
            output, failOnDrift,
        };

        drift.SetAction(parse =>
        {
            TextWriter stdout = parse.InvocationConfiguration.Output;
            TextWriter stderr = parse.InvocationConfiguration.Error;
            try
            {
                DriftOptions options = Validate(
                    parse.GetRequiredValue(reference), parse.GetRequiredValue(current), parse.GetValue(columns), parse.GetValue(categorical),
                    parse.GetValue(numerical), parse.GetValue(method), parse.GetValue(threshold), parse.GetValue(driftShare),
                    parse.GetValue(correction) ?? "none") with
                {
                    Thresholds = parse.GetValue(thresholds) == "fixed" ? ThresholdMode.Fixed : ThresholdMode.Calibrated,
                    Alpha = CheckAlpha(parse.GetValue(alpha)),
                    Resamples = CheckResamples(parse.GetValue(resamples)),
                    ColumnAlpha = ParseColumnAlpha(parse.GetValue(columnAlpha)),
                };
                FileDriftReport report = CsvDriftCheck.Run(options);
                string text = parse.GetValue(format) == "json" ? ReportWriters.Json(report) : ReportWriters.Text(report);
                string? outputPath = parse.GetValue(output);
                if (outputPath is null)
                {
                    stdout.Write(text);
                }
                else
                {
                    try
                    {
                        File.WriteAllText(outputPath, text);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        throw InputException.At(outputPath, 0, null, $"cannot write the report: {e.Message}");
                    }
                }

                return parse.GetValue(failOnDrift) && report.Report.DatasetDrift ? Drift : Success;
            }
            catch (InputException e)
            {
                stderr.WriteLine($"monitorgen: {e.Message.ReplaceLineEndings(" ")}");
                return BadInput;
            }
            catch (Exception e)
            {
                stderr.WriteLine($"monitorgen: internal error ({e.GetType().Name}): {e.Message.ReplaceLineEndings(" ")}");
                return InternalError;
            }
        });
        return drift;
    }

    private static DriftOptions Validate(
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

    private static double CheckAlpha(double alpha) =>
        alpha > 0 && alpha < 1 ? alpha : throw new InputException($"--alpha: {alpha} is not strictly between 0 and 1");

    private static Dictionary<string, double> ParseColumnAlpha(string? pairs)
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

    private static int CheckResamples(int resamples) =>
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
