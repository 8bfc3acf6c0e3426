using System;
using System.Collections.Generic;
using MonitorGen.Statistics;

namespace MonitorGen;

/// <summary>Applies multiple-testing control to the p-value features of one report and re-judges them.</summary>
internal static class CorrectionApplier
{
    public static void Apply(FeatureDriftResult[] results, MultipleTestingCorrection correction)
    {
        if (correction == MultipleTestingCorrection.None)
        {
            return;
        }

        var tested = new List<FeatureDriftResult>();
        foreach (FeatureDriftResult result in results)
        {
            if (result.Tested && result.PValue is not null)
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
            raw[i] = tested[i].PValue!.Value;
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
            result.Score = adjusted[i];
            DriftMethod method = DriftMethodCatalog.TryParseId(result.Method, out DriftMethod parsed)
                ? parsed
                : throw new InvalidOperationException($"Unknown method id '{result.Method}'.");
            result.Drifted = DriftMethodCatalog.IsDrift(method, adjusted[i], result.Threshold);
        }
    }
}
