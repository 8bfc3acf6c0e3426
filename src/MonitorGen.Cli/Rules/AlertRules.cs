using System;
using System.Collections.Generic;
using System.Linq;
using MonitorGen.Telemetry;
using static MonitorGen.Cli.Rules.PromQl;

namespace MonitorGen.Cli.Rules;

/// <summary>
/// The alerts of each model: predictions absent, volume down against the same hour a week earlier, drift on N consecutive
/// checks, data quality, self errors, and the prediction-error budget's multi-window, multi-burn-rate alerts in the shape of
/// the SRE workbook (docs/alerting.md).
/// </summary>
internal static class AlertRules
{
    /// <summary>Where each alert is explained; the alert's name is the anchor.</summary>
    public const string RunbookBase = "https://github.com/MonitorGen/MonitorGen/blob/main/docs/alerting.md#";

    // The SRE workbook's two fast windows: 2 % of a 30-day budget in an hour, 5 % in six hours, each confirmed by a short window.
    private static readonly (TimeSpan Long, TimeSpan Short, double BurnRate)[] BurnWindows =
    [
        (TimeSpan.FromHours(1), TimeSpan.FromMinutes(5), 14.4),
        (TimeSpan.FromHours(6), TimeSpan.FromMinutes(30), 6),
    ];

    public static IEnumerable<PrometheusRuleGroup> For(IReadOnlyList<string> models, RulesOptions options)
    {
        var alerts = new List<PrometheusRule>();
        var budget = new List<PrometheusRule>();
        foreach (string model in models)
        {
            alerts.AddRange(ModelAlerts(model, options));
            budget.AddRange(ErrorBudget(model, options));
        }

        alerts.Add(Alert("MonitorGenSelfErrors",
            $"sum by ({Source}) (increase({SelfErrors}[10m])) > 0",
            TimeSpan.Zero, "warning",
            "MonitorGen caught {{ $value | humanize }} of its own failures ({{ $labels.source }}) in 10 minutes",
            "Monitoring failed inside the service and was contained: the predictions were served, but drift, health or telemetry may be missing. The service's log names each failure."));
        yield return new PrometheusRuleGroup("monitorgen.alerts", alerts);
        yield return new PrometheusRuleGroup("monitorgen.error-budget", budget);
    }

    // The rows a model served, per second over `range`: its records count the same predictions (the input record also
    // counts those that failed), so the largest record is the model's traffic.
    internal static string PredictionRate(string model, string range, string offset = "") =>
        $"max by ({Model}) (sum by ({Model}, {Record}) (rate({Predictions}{{{Is(Model, model)}}}[{range}]{offset})))";

    private static IEnumerable<PrometheusRule> ModelAlerts(string model, RulesOptions options)
    {
        string m = Is(Model, model);
        // Half the time in the expression and half in `for`: a Prometheus that evaluates before its first scrape sees the
        // series absent for an instant, which must not page.
        string absent = Duration(options.AbsentFor);
        TimeSpan half = options.AbsentFor / 2;
        yield return Alert("MonitorGenPredictionsAbsent",
            $"absent({Predictions}{{{m}}}) or sum by ({Model}) (increase({Predictions}{{{m}}}[{Duration(half)}])) == 0",
            half, "page",
            $"Model {{{{ $labels.model }}}} served no prediction in {absent}",
            "No replica counted a prediction: the traffic stopped, the service is down, or Prometheus cannot scrape it.", model);

        string hour = PredictionRate(model, "1h");
        string weekEarlier = PredictionRate(model, "1h", " offset 1w");
        yield return Alert("MonitorGenPredictionVolumeLow",
            $"{hour} < {Number(options.VolumeShare)} * {weekEarlier} and {weekEarlier} * 60 > {Number(options.VolumeFloorPerMinute)}",
            TimeSpan.FromMinutes(15), "warning",
            $"Model {{{{ $labels.model }}}} serves under {Number(options.VolumeShare * 100)} % of its traffic of the same hour a week ago",
            $"The last hour's prediction rate fell below {Number(options.VolumeShare)} of the same hour one week earlier, which served more than {Number(options.VolumeFloorPerMinute)} a minute (the floor keeps quiet hours from alerting).", model);

        TimeSpan drifting = options.CheckInterval * Math.Max(options.DriftChecks - 1, 0);
        yield return Alert("MonitorGenDriftDetected",
            $"max by ({Model}, {ModelVersion}, {Record}, {Feature}) ({DriftDetected}{{{m}}}) == 1",
            drifting, "warning",
            "Model {{ $labels.model }}: {{ $labels.record }}.{{ $labels.feature }} drifted",
            $"The feature alarmed in {options.DriftChecks} consecutive drift checks ({Duration(options.CheckInterval)} apart) on at least one replica: the calibrated rule, within the false-alarm budget the service was configured with.", model);

        yield return Alert("MonitorGenDataQualityHigh",
            $"sum by ({Model}) (rate({{__name__=~{String(DataQualityNames)}, {m}}}[10m])) / {PredictionRate(model, "10m")} > {Number(options.MaxDataQualityShare)}",
            TimeSpan.FromMinutes(10), "warning",
            "Model {{ $labels.model }}: {{ $value | humanizePercentage }} data-quality events per prediction",
            $"Missing, non-finite, out-of-range or unseen values arrive at more than {Number(options.MaxDataQualityShare)} per prediction over 10 minutes (a row with two bad values counts twice).", model);
    }

    private static IEnumerable<PrometheusRule> ErrorBudget(string model, RulesOptions options)
    {
        string m = Is(Model, model);
        double budget = 1 - options.ErrorSlo;
        foreach (TimeSpan range in BurnWindows.SelectMany(w => new[] { w.Long, w.Short }).Distinct().Order())
        {
            string r = Duration(range);
            // A service without the error counter (no ONNX session, or an older MonitorGen) counts as 0 errors, not as no ratio.
            yield return PrometheusRule.Recording(ErrorRatio(range),
                $"(sum by ({Model}) (rate({PredictionErrors}{{{m}}}[{r}])) or {PredictionRate(model, r)} * 0) / {PredictionRate(model, r)}");
        }

        foreach ((TimeSpan longWindow, TimeSpan shortWindow, double rate) in BurnWindows)
        {
            string threshold = Number(rate * budget);
            yield return Alert("MonitorGenErrorBudgetBurn",
                $"{ErrorRatio(longWindow)}{{{m}}} > {threshold} and {ErrorRatio(shortWindow)}{{{m}}} > {threshold}",
                TimeSpan.FromMinutes(2), "page",
                $"Model {{{{ $labels.model }}}} burns its error budget {Number(rate)}× too fast",
                $"Failed predictions over {Duration(longWindow)} and {Duration(shortWindow)} are above {Number(rate)} × (1 − {Number(options.ErrorSlo)}): at this rate the 30-day budget lasts {Number(Math.Round(30 / rate, 1))} days.",
                model, ("long_window", Duration(longWindow)));
        }
    }

    internal static string ErrorRatio(TimeSpan range) => $"model:{Name(InstrumentNames.PredictionErrors, counter: false)}:ratio_rate{Duration(range)}";

    internal static PrometheusRule Alert(string name, string expr, TimeSpan @for, string severity, string summary, string description,
        string? model = null, params (string Name, string Value)[] extraLabels)
    {
        var labels = new List<KeyValuePair<string, string>> { new("severity", severity) };
        if (model is not null)
        {
            labels.Add(new(Model, model));
        }

        labels.AddRange(extraLabels.Select(l => new KeyValuePair<string, string>(l.Name, l.Value)));
        return PrometheusRule.Alerting(name, expr, @for, labels,
        [
            new("summary", summary),
            new("description", description),
            new("runbook_url", RunbookBase + name.ToLowerInvariant()),
        ]);
    }
}
