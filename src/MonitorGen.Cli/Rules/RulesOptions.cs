using System;

namespace MonitorGen.Cli.Rules;

/// <summary>The thresholds and windows of the generated rules that the profiles do not give (docs/alerting.md).</summary>
/// <param name="FleetWindow">The window of the fleet drift rules (<c>--window</c>).</param>
/// <param name="AbsentFor">No prediction for this long is an outage (<c>--absent-for</c>).</param>
/// <param name="CheckInterval">The services' <c>MonitorGen:CheckInterval</c>, so that N checks can be told as a duration (<c>--check-interval</c>).</param>
/// <param name="DriftChecks">How many consecutive checks must alarm on a feature (<c>--drift-checks</c>).</param>
/// <param name="VolumeShare">The volume is low below this share of the same hour a week earlier (<c>--volume-share</c>).</param>
/// <param name="VolumeFloorPerMinute">The guard: a week-earlier hour below this many predictions a minute is not judged (<c>--volume-floor</c>).</param>
/// <param name="MaxDataQualityShare">Data-quality events per prediction above this alert (<c>--max-data-quality-share</c>).</param>
/// <param name="ErrorSlo">The objective of successful predictions, as a ratio (<c>--error-slo</c>).</param>
/// <param name="ExpectedRunLength">The fleet drift alarm's budget: windows of drift-free data per false alarm over a record's features (<c>--expected-run-length</c>).</param>
/// <param name="MinimumWindowSize">A feature with fewer fleet rows in the window is not judged (<c>--minimum-window</c>).</param>
internal sealed record RulesOptions(
    TimeSpan FleetWindow,
    TimeSpan AbsentFor,
    TimeSpan CheckInterval,
    int DriftChecks,
    double VolumeShare,
    double VolumeFloorPerMinute,
    double MaxDataQualityShare,
    double ErrorSlo,
    double ExpectedRunLength,
    int MinimumWindowSize)
{
    /// <summary>The defaults: a one-hour fleet window, ten minutes without predictions, three checks a minute apart, half
    /// the week-earlier volume above one a minute, MonitorOptions' data-quality share (0.1), 99.9 % successful predictions,
    /// and MonitorOptions' alarm budget (500) and minimum window (30).</summary>
    public static RulesOptions Default { get; } = new(
        TimeSpan.FromHours(1), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), 3, 0.5, 1, 0.1, 0.999, 500, 30);

    /// <summary>The window as it appears in recorded series' names, such as <c>window1h</c>.</summary>
    public string WindowSuffix => "window" + PromQl.Duration(FleetWindow);
}
