using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.Distributions;
using MonitorGen.Calibration;
using MonitorGen.Monitoring;
using MonitorGen.Statistics;
using static MonitorGen.Cli.Rules.PromQl;

namespace MonitorGen.Cli.Rules;

/// <summary>
/// Drift over the whole fleet, in PromQL: every replica exports its rows per reference bin
/// (<c>monitorgen_feature_bin_rows_total</c>); these recording rules add the replicas' rows of the last window per bin,
/// and compare them with the reference proportions, written into the rules from the profiles, as PSI, the Jensen–Shannon
/// distance and Pearson's χ² statistic, with PSI's and Jensen–Shannon's window-size-aware thresholds (docs/fleet.md).
/// </summary>
/// <remarks>
/// The window's rows are the counter now less the counter one window ago, not <c>increase()</c>: <c>increase()</c>
/// extrapolates each replica's series to the window's edges by a factor of its own, which would weigh the replicas
/// unevenly. A series that did not exist a window ago counts from 0 (the counters exist at 0 from start-up), and one that
/// went down (a restart) counts its rows since the restart.
/// The zero filling is Evidently's, as the in-process PSI does it: a zero proportion becomes 1e-4, or the smallest
/// non-zero one ÷ 10⁶ when that is at most 1e-4.
/// </remarks>
internal static class FleetDriftRules
{
    private const string Prefix = "monitorgen_feature_bin";
    private static readonly string Bins = $"{Model}, {ModelVersion}, {Record}, {Feature}, {Bin}";
    private static readonly string Features = $"{Model}, {ModelVersion}, {Record}, {Feature}";

    public static PrometheusRuleGroup For(IReadOnlyList<ReferenceProfile> profiles, RulesOptions options)
    {
        string w = options.WindowSuffix;
        string window = Duration(options.FleetWindow);
        string bin = $"model_record_feature_bin:{Prefix}";
        string feature = $"model_record_feature:{Prefix}";
        string psi = $"model_record_feature:monitorgen_feature_psi:{w}";
        string js = $"model_record_feature:monitorgen_feature_jensenshannon:{w}";
        var rules = new List<PrometheusRule>();

        // The reference: one constant series per bin, its proportion in the profile.
        foreach (ReferenceProfile profile in profiles)
        {
            foreach (FeatureProfile f in profile.Features)
            {
                (string[] labels, long[] counts) = BinsOf(f);
                double total = counts.Sum();
                for (int i = 0; i < labels.Length; i++)
                {
                    rules.Add(PrometheusRule.Recording($"{bin}_reference:ratio", $"vector({Number(counts[i] / total)})",
                        BinLabels(profile, f.Name, labels[i])));
                }
            }
        }

        rules.Add(PrometheusRule.Recording($"{bin}_rows:{w}",
            $"sum by ({Bins}) (({BinRows} - ({BinRows} offset {window} or {BinRows} * 0)) >= 0 or {BinRows})"));
        rules.Add(PrometheusRule.Recording($"{feature}_rows:sum_{w}", $"sum by ({Features}) ({bin}_rows:{w})"));
        rules.Add(PrometheusRule.Recording($"{bin}_current:ratio_{w}",
            $"{bin}_rows:{w} / on ({Features}) group_left () ({feature}_rows:sum_{w} > 0)"));
        // Evidently's zero filling, of both sides.
        foreach ((string ratio, string filled) in new[] { ($"{bin}_reference:ratio", $"{bin}_reference:filled_ratio"), ($"{bin}_current:ratio_{w}", $"{bin}_current:filled_ratio_{w}") })
        {
            string smallest = $"min by ({Features}) ({ratio} > 0)";
            rules.Add(PrometheusRule.Recording(filled,
                $"{ratio} + ({ratio} == bool 0) * on ({Features}) group_left () ((({smallest}) <= bool 1e-4) * ({smallest}) / 1e6 + (({smallest}) > bool 1e-4) * 1e-4)"));
        }

        string cur = $"{bin}_current:filled_ratio_{w}";
        string refFilled = $"{bin}_reference:filled_ratio";
        rules.Add(PrometheusRule.Recording(psi, $"sum by ({Features}) (({refFilled} - {cur}) * ln({refFilled} / {cur}))"));

        string p = $"{bin}_current:ratio_{w}";
        string q = $"{bin}_reference:ratio";
        string mid = $"{bin}_mid:ratio_{w}";
        rules.Add(PrometheusRule.Recording(mid, $"({p} + {q}) / 2"));
        rules.Add(PrometheusRule.Recording(js,
            $"sqrt((sum by ({Features}) (({p} > 0) * ln(({p} > 0) / {mid})) + sum by ({Features}) (({q} > 0) * ln(({q} > 0) / {mid}))) / 2)"));
        // Pearson's statistic of the window's counts against the reference proportions (Evidently's chisquare); a bin the
        // reference never saw has no expected count, and is left out.
        string expected = $"{bin}_expected:{w}";
        rules.Add(PrometheusRule.Recording(expected, $"{feature}_rows:sum_{w} * on ({Features}) group_right () ({q} > 0)"));
        rules.Add(PrometheusRule.Recording($"model_record_feature:monitorgen_feature_chisquare:{w}",
            $"sum by ({Features}) (({bin}_rows:{w} - {expected}) ^ 2 / {expected})"));

        // The thresholds: under no drift, PSI ≈ (1/N + 1/M)·χ²(B−1) and JS² ≈ PSI/8, each at the record's alarm level.
        foreach (ReferenceProfile profile in profiles)
        {
            double level = DriftCalibration.AlarmLevel(options.ExpectedRunLength, profile.Features.Count);
            foreach (FeatureProfile f in profile.Features)
            {
                (string[] labels, long[] counts) = BinsOf(f);
                if (labels.Length < 2)
                {
                    continue;
                }

                double quantile = ChiSquared.InvCDF(labels.Length - 1, 1 - level);
                string n = $"{feature}_rows:sum_{w}{{{Selector(profile, f.Name)}}}";
                string size = $"(1 / {n} + 1 / {Number(counts.Sum())})";
                // The feature's labels again, so that each rule of the name is told apart by its labels (promtool lint).
                KeyValuePair<string, string>[] featureLabels = BinLabels(profile, f.Name, "")[..^1];
                rules.Add(PrometheusRule.Recording($"model_record_feature:monitorgen_feature_psi_threshold:{w}", $"{Number(quantile)} * {size}", featureLabels));
                rules.Add(PrometheusRule.Recording($"model_record_feature:monitorgen_feature_jensenshannon_threshold:{w}", $"sqrt({Number(quantile / 8)} * {size})", featureLabels));
            }
        }

        rules.Add(AlertRules.Alert("MonitorGenFleetDrift",
            $"{psi} > on ({Features}) model_record_feature:monitorgen_feature_psi_threshold:{w} and on ({Features}) {feature}_rows:sum_{w} >= {options.MinimumWindowSize}",
            TimeSpan.Zero, "warning",
            "Model {{ $labels.model }}: {{ $labels.record }}.{{ $labels.feature }} drifted across the fleet",
            $"Over the last {window}, the rows of every replica together are off the reference: PSI {{{{ $value | printf \"%.3g\" }}}} is above (1/N + 1/M)·χ²(B − 1) at the record's alarm level, a budget of one false alarm in {Number(options.ExpectedRunLength)} windows."));
        return new PrometheusRuleGroup("monitorgen.fleet-drift", rules);
    }

    /// <summary>A feature's reference bins: labelled as the bin counters label them, with the profile's counts.</summary>
    internal static (string[] Labels, long[] Counts) BinsOf(FeatureProfile feature) => feature.Kind == FeatureKind.Numerical
        ? (BinTotals.Numbered(feature.BinCounts.Length), feature.BinCounts)
        : (BinTotals.Categories(feature.Categories), [.. feature.CategoryCounts, feature.OtherCount]);

    private static KeyValuePair<string, string>[] BinLabels(ReferenceProfile profile, string feature, string bin) =>
    [
        new(Model, profile.ModelName),
        new(ModelVersion, profile.ModelVersion ?? ""),
        new(Record, MonitorSchema.RecordNameOf(profile.TypeName)),
        new(Feature, feature),
        new(Bin, bin),
    ];

    private static string Selector(ReferenceProfile profile, string feature) =>
        $"{Is(Model, profile.ModelName)}, {Is(ModelVersion, profile.ModelVersion ?? "")}, {Is(Record, MonitorSchema.RecordNameOf(profile.TypeName))}, {Is(Feature, feature)}";
}
