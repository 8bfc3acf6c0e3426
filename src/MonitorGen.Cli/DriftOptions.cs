using System.Collections.Generic;
using MonitorGen.Statistics;

namespace MonitorGen.Cli;

/// <summary>The validated options of <c>monitorgen drift</c>.</summary>
internal sealed record DriftOptions(
    string ReferencePath,
    string CurrentPath,
    IReadOnlyList<string>? Columns,
    IReadOnlyList<string> Categorical,
    IReadOnlyList<string> Numerical,
    DriftMethod Method,
    double? Threshold,
    double DriftShare,
    MultipleTestingCorrection Correction,
    ThresholdMode Thresholds = ThresholdMode.Calibrated,
    double Alpha = MonitorGen.Calibration.DriftCalibration.DefaultAlpha,
    int Resamples = MonitorGen.Calibration.DriftCalibration.DefaultCliResamples)
{
    /// <summary>Per-column α (<c>--column-alpha</c>), in place of <see cref="Alpha"/> for the columns it names.</summary>
    public IReadOnlyDictionary<string, double> ColumnAlpha { get; init; } = new Dictionary<string, double>(System.StringComparer.Ordinal);

    /// <summary>Whether each column's result carries its distribution on shared bins, which the HTML report draws.</summary>
    public bool Distributions { get; init; }

    /// <summary>The calibrated α of a column.</summary>
    public double AlphaOf(string column) => ColumnAlpha.TryGetValue(column, out double alpha) ? alpha : Alpha;
}
