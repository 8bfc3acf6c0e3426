using System.Collections.Generic;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MonitorGen.Performance;

namespace MonitorGen;

/// <summary>
/// The health of a monitored model, judged on its latest drift check: Unhealthy when the share of rows with
/// data-quality issues exceeds <see cref="MonitorOptions.MaxDataQualityFailureShare"/>, Degraded when the continuous
/// rule alarmed (<see cref="DriftReport.Alarm"/>: with calibrated thresholds, a feature within the false-alarm budget of
/// <see cref="MonitorOptions.ExpectedRunLength"/>; with fixed ones, dataset drift) or when a KPI's window mean missed its
/// <see cref="KpiMetricAttribute.Target"/>, Healthy otherwise (and before the first check). The report goes in the result's
/// data under <c>report</c>, and each KPI target's mean and verdict under <c>kpi.{name}.mean</c> and <c>kpi.{name}.met</c>.
/// </summary>
/// <remarks>
/// A monitor with labels and a profile with a <see cref="ReferenceProfile.ReferencePerformance"/> is also judged on the
/// newest closed window with natural labels (<c>performance.*</c> in the data): Degraded when its realized performance
/// is worse than the reference by more than <see cref="MonitorOptions.PerformanceMargin"/> with confidence
/// 1 − <see cref="MonitorOptions.Alpha"/>, Unhealthy when it is past <see cref="MonitorOptions.PerformanceUnhealthyLimit"/>
/// with the same confidence.
/// </remarks>
public sealed class ModelHealthCheck : SynchronousHealthCheck
{
    /// <summary>Creates the check.</summary>
    public ModelHealthCheck(ModelMonitor monitor)
        : base(monitor)
    {
    }

    /// <summary>Judges the latest report synchronously.</summary>
    public override HealthCheckResult Evaluate()
    {
        DriftReport? report = Monitor.LastReport;
        string model = Monitor.Schema.ModelName;
        // The record tells a model's input and output checks apart.
        if (report is null)
        {
            return HealthCheckResult.Healthy($"Model {model}: no drift check has run yet.",
                new Dictionary<string, object> { ["model"] = model, ["record"] = Monitor.Schema.RecordName });
        }

        var data = new Dictionary<string, object>
        {
            ["model"] = model,
            ["record"] = Monitor.Schema.RecordName,
            ["datasetDrift"] = report.DatasetDrift,
            ["alarm"] = report.Alarm,
            ["driftShare"] = report.DriftShare,
            ["dataQualityFailureShare"] = report.DataQualityFailureShare,
            ["report"] = report,
        };

        PerformanceStatus performance = JudgePerformance(data, out string? shortfall);
        if (performance == PerformanceStatus.Unhealthy)
        {
            return HealthCheckResult.Unhealthy($"Model {model}: {shortfall}.", data: data);
        }

        if (report.DataQualityFailureShare > Monitor.Options.MaxDataQualityFailureShare)
        {
            return HealthCheckResult.Unhealthy(
                $"Model {model}: {report.DataQualityFailureShare:P1} of rows had data-quality issues (limit {Monitor.Options.MaxDataQualityFailureShare:P1}).",
                data: data);
        }

        if (report.Alarm)
        {
            return HealthCheckResult.Degraded(
                $"Model {model}: {report.DriftedFeatures} of {report.TestedFeatures} features drifted; alarm on {Alarmed(report)}.",
                data: data);
        }

        if (MissedKpiTargets(report, data) is { Length: > 0 } missed)
        {
            return HealthCheckResult.Degraded($"Model {model}: KPI target missed: {missed}.", data: data);
        }

        if (performance == PerformanceStatus.Degraded)
        {
            return HealthCheckResult.Degraded($"Model {model}: {shortfall}.", data: data);
        }

        return HealthCheckResult.Healthy($"Model {model}: {report.DriftedFeatures} of {report.TestedFeatures} features drifted.", data);
    }

    // The newest closed window with natural labels against the profile's reference: performance.* in the data.
    private PerformanceStatus JudgePerformance(Dictionary<string, object> data, out string? shortfall)
    {
        shortfall = null;
        if (Monitor.Labels is not { } labels || Monitor.Profile.ReferencePerformance is not { } reference)
        {
            return PerformanceStatus.Healthy;
        }

        MonitorOptions options = Monitor.Options;
        string metric = labels.IsRegression ? "mae" : "accuracy";
        data["performance.metric"] = metric;
        data["performance.reference"] = reference;
        data["performance.margin"] = options.PerformanceMargin;
        if (labels.Ledger.JudgeLatest(reference, options.PerformanceMargin, options.PerformanceUnhealthyLimit, options.Alpha) is not { } judged)
        {
            data["performance.note"] = "not judged: no closed window has natural labels yet";
            return PerformanceStatus.Healthy;
        }

        data["performance.window"] = judged.Window;
        data["performance.labels"] = judged.Labels;
        data["performance.value"] = judged.Value;
        data["performance.status"] = judged.Status.ToString();
        string worse = labels.IsRegression ? "above" : "below";
        shortfall = judged.Status switch
        {
            PerformanceStatus.Unhealthy => $"{metric} {judged.Value:G4} over {judged.Labels} labels is {worse} the unhealthy limit {options.PerformanceUnhealthyLimit:G4} with {1 - options.Alpha:P0} confidence",
            PerformanceStatus.Degraded => $"{metric} {judged.Value:G4} over {judged.Labels} labels is {worse} the reference {reference:G4} by more than the margin {options.PerformanceMargin:G4} with {1 - options.Alpha:P0} confidence",
            _ => null,
        };
        return judged.Status;
    }

    // Each KPI with a target, judged on the window mean of its member's feature (the drift check's, so only a drift-tested
    // member can be judged): kpi.{name}.mean, .target and .met go in the data; the misses are returned, described.
    private string MissedKpiTargets(DriftReport report, Dictionary<string, object> data)
    {
        var missed = new List<string>();
        foreach (KpiSchema kpi in Monitor.Schema.Kpis)
        {
            if (kpi.Target is not { } target)
            {
                continue;
            }

            string key = "kpi." + kpi.MetricName;
            data[key + ".target"] = target;
            data[key + ".direction"] = kpi.Direction.ToString();
            FeatureDriftResult? feature = null;
            foreach (FeatureDriftResult result in report.Features)
            {
                if (result.Feature == kpi.MemberName)
                {
                    feature = result;
                }
            }

            if (feature?.CurrentMean is not { } mean)
            {
                data[key + ".note"] = feature is null
                    ? $"not judged: {kpi.MemberName} is not a drift-tested feature, so no check measures its mean"
                    : "not judged: the window held too few values to report a mean";
                continue;
            }

            bool met = kpi.Meets(mean);
            data[key + ".mean"] = mean;
            data[key + ".met"] = met;
            if (!met)
            {
                string comparison = kpi.Direction == KpiDirection.HigherIsBetter ? "below" : "above";
                missed.Add($"{kpi.MetricName} mean {mean:G4} {comparison} its target {target:G4}");
            }
        }

        return string.Join("; ", missed);
    }

    private static string Alarmed(DriftReport report)
    {
        var names = new List<string>();
        foreach (FeatureDriftResult result in report.Features)
        {
            if (report.Thresholds == MonitorGen.Statistics.ThresholdMode.Fixed ? result.Drifted : result.Alarmed)
            {
                names.Add(result.Feature);
            }
        }

        return string.Join(", ", names);
    }
}
