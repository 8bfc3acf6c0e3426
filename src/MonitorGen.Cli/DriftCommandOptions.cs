using System.CommandLine;
using MonitorGen.Calibration;
using MonitorGen.DriftMethods;
using MonitorGen.Statistics;

namespace MonitorGen.Cli;

/// <summary>The column, method and threshold options that <c>drift</c> and <c>report</c> share, and their validation.</summary>
internal sealed class DriftCommandOptions
{
    private readonly Option<string> _reference = new("--reference", "-r") { Description = "The reference CSV file (for example the training data).", Required = true };
    private readonly Option<string> _current = new("--current", "-c") { Description = "The current CSV file (for example production data).", Required = true };
    private readonly Option<string?> _columns = new("--columns") { Description = "Comma-separated columns to compare (default: every column of the reference header)." };
    private readonly Option<string?> _categorical = new("--categorical") { Description = "Comma-separated columns to treat as categorical even when every value is a number." };
    private readonly Option<string?> _numerical = new("--numerical") { Description = "Comma-separated columns that must be numerical: a value that is not a number in either file is an error." };

    private readonly Option<string?> _method = new("--method", "-m")
    {
        Description = $"The drift method for every column: {DriftMethodTable.IdList}. Default: Evidently's rules per column " +
            "(n = reference values, u = distinct values; n <= 1000: numerical u > 5 -> ks, else chisquare (u > 2) or z; " +
            "n > 1000: numerical u > 5 -> wasserstein, else jensenshannon).",
    };

    private readonly Option<double?> _threshold = new("--threshold", "-t") { Description = "A fixed drift threshold for every column (implies --thresholds fixed; default: each method's own, 0.05 or 0.1)." };

    private readonly Option<string> _thresholds = new("--thresholds")
    {
        Description = "calibrated (default): a column drifts when its p-value, valid at these sizes, is at most --alpha and its effect reaches " +
            "the method's floor (0.1); distances, chisquare and g_test get a null resampled from the pooled data (--resamples draws, seeded). " +
            "fixed: Evidently's fixed thresholds.",
        DefaultValueFactory = _ => "calibrated",
    };

    private readonly Option<double> _alpha = new("--alpha") { Description = "The per-column false-alarm rate of calibrated thresholds.", DefaultValueFactory = _ => DriftCalibration.DefaultAlpha };

    private readonly Option<string?> _columnAlpha = new("--column-alpha")
    {
        Description = "Comma-separated column=alpha pairs that set a column's own false-alarm rate in place of --alpha (calibrated thresholds).",
    };

    private readonly Option<int> _resamples = new("--resamples")
    {
        Description = "Draws of the resampled null per column (calibrated thresholds). More draws resolve smaller p-values and take longer.",
        DefaultValueFactory = _ => DriftCalibration.DefaultCliResamples,
    };

    private readonly Option<double> _driftShare = new("--drift-share") { Description = "The dataset drifted when at least this share of the columns drifted.", DefaultValueFactory = _ => 0.5 };
    private readonly Option<string> _correction = new("--correction") { Description = "Multiple-testing correction of the p-values: none, bonferroni or bh (Benjamini-Hochberg).", DefaultValueFactory = _ => "none" };

    public DriftCommandOptions()
    {
        _thresholds.AcceptOnlyFromAmong("calibrated", "fixed");
        _correction.AcceptOnlyFromAmong("none", "bonferroni", "bh");
    }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (Option option in new Option[]
        {
            _reference, _current, _columns, _categorical, _numerical, _method, _threshold, _thresholds, _alpha, _columnAlpha, _resamples,
            _driftShare, _correction,
        })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Reads and checks the options.</summary>
    /// <exception cref="InputException">An option's value is out of range.</exception>
    public DriftOptions Read(ParseResult parse) =>
        MonitorGenCommand.Validate(
            parse.GetRequiredValue(_reference), parse.GetRequiredValue(_current), parse.GetValue(_columns), parse.GetValue(_categorical),
            parse.GetValue(_numerical), parse.GetValue(_method), parse.GetValue(_threshold), parse.GetValue(_driftShare),
            parse.GetValue(_correction) ?? "none") with
        {
            Thresholds = parse.GetValue(_thresholds) == "fixed" ? ThresholdMode.Fixed : ThresholdMode.Calibrated,
            Alpha = MonitorGenCommand.CheckAlpha(parse.GetValue(_alpha)),
            Resamples = MonitorGenCommand.CheckResamples(parse.GetValue(_resamples)),
            ColumnAlpha = MonitorGenCommand.ParseColumnAlpha(parse.GetValue(_columnAlpha)),
        };
}
