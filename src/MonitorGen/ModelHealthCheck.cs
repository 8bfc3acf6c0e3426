using System.Collections.Generic;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MonitorGen;

/// <summary>
/// The health of a monitored model, judged on its latest drift check: Unhealthy when the share of rows with
/// data-quality issues exceeds <see cref="MonitorOptions.MaxDataQualityFailureShare"/>, Degraded when the continuous
/// rule alarmed (<see cref="DriftReport.Alarm"/>: with calibrated thresholds, a feature within the false-alarm budget of
/// <see cref="MonitorOptions.ExpectedRunLength"/>; with fixed ones, dataset drift), Healthy otherwise (and before the first check). The report goes in the result's data under <c>report</c>.
/// </summary>
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

        return HealthCheckResult.Healthy($"Model {model}: {report.DriftedFeatures} of {report.TestedFeatures} features drifted.", data);
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
