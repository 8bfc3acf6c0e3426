using System;
using MonitorGen.Statistics;

namespace MonitorGen.Calibration;

/// <summary>One feature's drift decision, and what it was reached with.</summary>
/// <param name="Mode">Calibrated, or fixed (by configuration, a declared threshold, or a profile without a null).</param>
/// <param name="Drifted">The decision.</param>
/// <param name="Threshold">Fixed: the threshold on the score. Calibrated: α for p-value methods (and chisquare, g_test), the null
/// quantile at α in the statistic's units for distances; +∞ when α is below what the null can resolve.</param>
/// <param name="Alpha">Calibrated: the nominal false-alarm rate.</param>
/// <param name="CalibratedPValue">Calibrated: the p-value compared with α.</param>
/// <param name="Effect">Calibrated: the practical effect.</param>
/// <param name="EffectMeasure">Calibrated: what <paramref name="Effect"/> measures.</param>
/// <param name="Floor">Calibrated: the floor the effect must reach.</param>
/// <param name="Note">Why a calibrated decision fell back to a fixed threshold.</param>
internal readonly record struct DriftDecision(
    ThresholdMode Mode, bool Drifted, double Threshold, double? Alpha, double? CalibratedPValue, double? Effect, string? EffectMeasure,
    double? Floor, string? Note)
{
    /// <summary>Evidently's decision: the score against a fixed threshold.</summary>
    public static DriftDecision Fixed(DriftMethod method, DriftOutcome outcome, double threshold, string? note = null) =>
        new(ThresholdMode.Fixed, DriftMethodCatalog.IsDrift(method, outcome.Score, threshold), threshold, null, null, null, null, null, note);

    /// <summary>The calibrated decision: a p-value at most α (from the method, or from <paramref name="nullDistribution"/> for the
    /// methods that need one, and no smaller than the gate's) and an effect at least the floor.</summary>
    /// <remarks>
    /// The gate (<see cref="DriftCalibration.GateOf"/>) is computed only when it can change the decision, that is when the
    /// method's own p-value is at most α and the effect reaches the floor: a larger p-value is already no drift, under a
    /// correction too (an adjusted p-value is never below the raw one), and under the alarm level, which is below α.
    /// </remarks>
    public static DriftDecision Calibrated(DriftMethod method, DriftOutcome outcome, double alpha, double effect, EffectMeasure measure, double floor,
        NullDistribution? nullDistribution, long nullSize, Func<double>? gatePValue = null)
    {
        double p;
        double threshold = alpha;
        if (DriftCalibration.NeedsResampledNull(method))
        {
            p = nullDistribution!.PValue(nullSize, outcome.Statistic);
            if (DriftMethodCatalog.ScoreKindOf(method) == DriftScoreKind.Distance)
            {
                threshold = nullDistribution.Threshold(nullSize, alpha);
            }
        }
        else
        {
            p = outcome.PValue ?? 1;
            if (method == DriftMethod.EmpiricalMmd)
            {
                // Evidently counts permuted statistics at least the observed one, with no +1 for the observed itself; with
                // it the p-value is valid (Phipson and Smyth, 2010), and never 0.
                p = ((p * PermutationTest.Permutations) + 1) / (PermutationTest.Permutations + 1);
            }
        }

        // The larger of two p-values is valid wherever either one is.
        if (gatePValue is not null && IsCalibratedDrift(p, alpha, effect, floor) && gatePValue() is var gate && !(gate <= p))
        {
            p = double.IsNaN(gate) ? 1 : gate;
        }

        return new(ThresholdMode.Calibrated, IsCalibratedDrift(p, alpha, effect, floor), threshold, alpha, p, effect, IdOf(measure, method), floor, null);
    }

    /// <summary>The calibrated rule, also applied to adjusted p-values and to the alarm level.</summary>
    public static bool IsCalibratedDrift(double pValue, double level, double effect, double floor) => pValue <= level && effect >= floor;

    private static string IdOf(EffectMeasure measure, DriftMethod method) => measure switch
    {
        Calibration.EffectMeasure.Score => DriftMethodCatalog.IdOf(method),
        Calibration.EffectMeasure.KsStatistic => "ks_statistic",
        Calibration.EffectMeasure.MeanShift => "mean_shift",
        Calibration.EffectMeasure.Wasserstein => "wasserstein",
        _ => "jensenshannon",
    };
}
