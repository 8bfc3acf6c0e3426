using System;
using MonitorGen.Statistics;

namespace MonitorGen.Calibration;

/// <summary>
/// The calibration rules that the monitor, the profile fit and the CLI share: which methods need a resampled null, the
/// size ladder and tail grid of a stored null, the practical-effect floors, and the per-feature level of a false-alarm budget.
/// </summary>
internal static class DriftCalibration
{
    /// <summary>The nominal per-feature false-alarm rate of a calibrated decision.</summary>
    public const double DefaultAlpha = 0.05;

    /// <summary>The default expected number of checks between false alarms of the continuous rule.</summary>
    public const double DefaultExpectedRunLength = 500;

    /// <summary>Resamples per rung of the null that a profile fit stores.</summary>
    public const int DefaultFitResamples = 2000;

    /// <summary>Resamples of the null that the CLI draws on the fly.</summary>
    public const int DefaultCliResamples = 1000;

    /// <summary>
    /// The CLI draws a sample-based null at no more than this many values per side, and scales it to the real sizes by the
    /// statistic's 1/sqrt(n) rate; at such sizes the null quantile is far below the floor, so its error cannot move a decision.
    /// </summary>
    public const int CliNullSampleCap = 2000;

    /// <summary>The practical-effect floor of every method: Evidently's fixed distance threshold.</summary>
    public const double DefaultFloor = 0.1;

    /// <summary>
    /// The tail probabilities at which a stored null keeps its quantiles (1 is the smallest draw). Between them the p-value
    /// is interpolated (log p linear in the statistic); beyond the last, extrapolated along the last two points' exponential
    /// tail, which overestimates the p-value of a tail that decays faster (Gaussian-like or chi-square-like), so stays conservative.
    /// </summary>
    public static ReadOnlySpan<double> TailGrid =>
        [1, 0.5, 0.3, 0.2, 0.15, 0.1, 0.075, 0.05, 0.04, 0.03, 0.02, 0.015, 0.01, 0.0075, 0.005];

    /// <summary>
    /// Window sample sizes at which a sample-based null is stored (the window sample is capped at 2,048 by default); no two
    /// neighbours more than 1.5 apart, which keeps the interpolation error within the bound NullProfileTests states.
    /// </summary>
    public static ReadOnlySpan<int> SampleLadder => [5, 7, 10, 14, 20, 30, 40, 50, 70, 100, 140, 200, 300, 400, 500, 700, 1000, 1400, 2048];

    /// <summary>Window sizes at which a count-based null is stored; drawing counts costs the same at any size.</summary>
    public static ReadOnlySpan<int> CountLadder =>
        [5, 7, 10, 14, 20, 30, 40, 50, 70, 100, 140, 200, 300, 400, 500, 700, 1000, 1400, 2000, 3000, 4000, 5000, 7000, 10_000, 14_000, 20_000,
            30_000, 50_000, 100_000, 300_000, 1_000_000, 10_000_000];

    /// <summary>
    /// Whether a calibrated decision needs a resampled null rather than the method's own p-value: the distances, which have
    /// none; chisquare and g_test, whose asymptotic p-values fail with small expected counts and treat the reference
    /// counts as exact (they alarmed on up to 35 % of drift-free windows of rare categories); and TVD, whose permutation
    /// p-value reuses one fixed sequence of permutations for every test (Evidently's fixed seed), which alarmed on 7.5 %
    /// of drift-free windows of 10 rows at a nominal 5 %.
    /// </summary>
    public static bool NeedsResampledNull(DriftMethod method) =>
        DriftMethodCatalog.ScoreKindOf(method) == DriftScoreKind.Distance || method is DriftMethod.ChiSquare or DriftMethod.GTest or DriftMethod.Tvd;

    /// <summary>
    /// The test whose p-value gates a calibrated decision, or null: the decision takes the larger of the method's p-value
    /// and the gate's, which is valid wherever either one is. Numerical features are gated by KS on the same samples, which
    /// is distribution-free (exact; conservative with ties), where a method's own null fails: a resampled null from a small
    /// reference misses the tails of the data, anderson's and cramer_von_mises' p-values assume no ties, es's asymptotic one
    /// fails below 100 rows, the reference quantile bins make TVD's reference and window not exchangeable, and t_test
    /// assumes normal data (7.1 % on 30 rows of heavy-tailed data). ks needs no gate. z, whose normal approximation alarmed
    /// on 8 % of drift-free windows of 10 rows, is gated by Fisher's exact test.
    /// </summary>
    public static DriftMethod? GateOf(DriftMethod method, bool numerical) => method switch
    {
        DriftMethod.Ks => null,
        _ when numerical => DriftMethod.Ks,
        DriftMethod.Z => DriftMethod.FisherExact,
        _ => null,
    };

    /// <summary>Whether the monitor tests <paramref name="method"/> on counts (categories or reference bins) rather than samples.</summary>
    public static bool IsCountBased(DriftMethod method) => DriftMethodCatalog.SupportsCategorical(method);

    /// <summary>
    /// How a method's null quantile shrinks with the sizes: as (1/n + 1/m)^exponent. psi and kl_div are quadratic in the
    /// proportion differences (exponent 1); the other distances are root-n statistics (exponent 1/2).
    /// </summary>
    public static double NullScaleExponent(DriftMethod method) => method is DriftMethod.Psi or DriftMethod.KlDiv ? 1 : 0.5;

    /// <summary>What measures a method's practical effect.</summary>
    public static EffectMeasure EffectOf(DriftMethod method, bool numerical) => method switch
    {
        _ when DriftMethodCatalog.ScoreKindOf(method) == DriftScoreKind.Distance => EffectMeasure.Score,
        DriftMethod.Ks => EffectMeasure.KsStatistic,
        DriftMethod.TTest => EffectMeasure.MeanShift,
        _ when IsCountBased(method) || !numerical => EffectMeasure.JensenShannon,
        _ => EffectMeasure.Wasserstein,
    };

    /// <summary>
    /// The per-feature level β = 1 − (1 − 1/ERT)^(1/d) (Šidák over <paramref name="features"/> tests), so that a check on
    /// drift-free data alarms with probability 1/ERT when the features are independent, and less when they are positively dependent.
    /// </summary>
    public static double AlarmLevel(double expectedRunLength, int features) =>
        features <= 0 ? 0 : -double.ExpM1(double.LogP1(-1 / expectedRunLength) / features);
}
