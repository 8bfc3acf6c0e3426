using System;
using System.Collections.Generic;
using MonitorGen.Calibration;
using MonitorGen.Statistics;

namespace MonitorGen.Reports;

/// <summary>Applies multiple-testing control to the p-values of one report and re-judges the features.</summary>
/// <remarks>
/// Calibrated features are corrected on <see cref="FeatureDriftResult.CalibratedPValue"/>, so the distances take part;
/// fixed ones on <see cref="FeatureDriftResult.PValue"/>, as before calibration existed.
/// </remarks>
internal static class CorrectionApplier
{
    public static void Apply(FeatureDriftResult[] results, MultipleTestingCorrection correction)
    {
        if (correction == MultipleTestingCorrection.None)
        {
            return;
        }

        Apply(results, correction, calibrated: true);
        Apply(results, correction, calibrated: false);
    }

    private static void Apply(FeatureDriftResult[] results, MultipleTestingCorrection correction, bool calibrated)
    {
        var tested = new List<FeatureDriftResult>();
        foreach (FeatureDriftResult result in results)
        {
            if (result.Tested && (calibrated ? result.ThresholdMode == ThresholdMode.Calibrated && result.CalibratedPValue is not null
                : result.ThresholdMode == ThresholdMode.Fixed && result.PValue is not null))
            {
                tested.Add(result);
            }
        }

        if (tested.Count == 0)
        {
            return;
        }

        var raw = new double[tested.Count];
        var adjusted = new double[tested.Count];
        for (int i = 0; i < raw.Length; i++)
        {
            raw[i] = calibrated ? tested[i].CalibratedPValue!.Value : tested[i].PValue!.Value;
        }

        if (correction == MultipleTestingCorrection.Bonferroni)
        {
            MultipleTesting.Bonferroni(raw, adjusted);
        }
        else
        {
            MultipleTesting.BenjaminiHochberg(raw, adjusted);
        }

        for (int i = 0; i < adjusted.Length; i++)
        {
            FeatureDriftResult result = tested[i];
            result.AdjustedPValue = adjusted[i];
            if (calibrated)
            {
                result.Drifted = DriftDecision.IsCalibratedDrift(adjusted[i], result.Alpha!.Value, result.DecisionEffect, result.EffectFloor ?? 0);
                continue;
            }

            result.Score = adjusted[i];
            DriftMethod method = DriftMethodCatalog.TryParseId(result.Method, out DriftMethod parsed)
                ? parsed
                : throw new InvalidOperationException($"Unknown method id '{result.Method}'.");
            result.Drifted = DriftMethodCatalog.IsDrift(method, adjusted[i], result.Threshold);
        }
    }
}
