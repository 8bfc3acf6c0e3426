using System;
using MonitorGen.Calibration;
using MonitorGen.Monitoring;
using MonitorGen.Sketches;
using MonitorGen.Statistics;

namespace MonitorGen.Reports;

/// <summary>Tests one closed window of one feature against its reference profile.</summary>
/// <remarks>
/// Rank, moment and distance methods (ks, wasserstein, anderson, ...) run on the reference sample and the window sample;
/// binned methods (psi, jensenshannon, chisquare, ...) run on the reference bin counts and the window's counts over the same bins.
/// </remarks>
internal static class DriftEvaluator
{
    // The stack holds a fixed 2 KB per buffer, whatever the profile says; more bins or categories go to the heap.
    private const int MaxStackSlots = 256;

    public static FeatureDriftResult Evaluate(NumericFeatureState feature, NumericWindow window, MonitorOptions options)
    {
        FeatureProfile profile = feature.Profile;
        DriftMethod method = MethodOf(feature);
        long current = window.Count;
        DataQualityCounts quality = window.Quality;
        string? skip = SkipReason(feature.Schema, current, options);
        DriftOutcome? outcome = null;
        DriftDecision? decision = null;
        bool exact = false;
        if (skip is null)
        {
            try
            {
                bool calibrated = IsCalibrated(feature, options);
                EffectMeasure measure = DriftCalibration.EffectOf(method, numerical: true);
                double effect = double.NaN;
                long nullSize = current;
                double[]? sample = null;
                if (method == DriftMethod.TTest)
                {
                    // Mean and variance are kept for every value on both sides, so the test is exact, not sampled.
                    outcome = TTestFromMoments(profile, window.Moments);
                    exact = true;
                    effect = Math.Abs(window.Moments.Mean - profile.Mean) / Math.Max(profile.StandardDeviation, WassersteinDistance.MinimumScale);
                }
                else if (DriftCalibration.IsCountBased(method))
                {
                    int bins = profile.BinCounts.Length;
                    Span<double> reference = bins <= MaxStackSlots ? stackalloc double[MaxStackSlots] : new double[bins];
                    Span<double> counts = bins <= MaxStackSlots ? stackalloc double[MaxStackSlots] : new double[bins];
                    reference = reference[..bins];
                    counts = counts[..bins];
                    for (int i = 0; i < reference.Length; i++)
                    {
                        reference[i] = profile.BinCounts[i];
                    }

                    window.Bins.CopyTo(counts);
                    outcome = DriftStatistics.Counts(method, reference, counts);
                    if (calibrated)
                    {
                        effect = CountEffect(measure, outcome.Value, reference, counts);
                    }
                }
                else
                {
                    sample = window.Sample.ToArray();
                    outcome = DriftStatistics.Numerical(method, profile.Sample, sample);
                    nullSize = sample.Length;
                    if (calibrated)
                    {
                        effect = measure switch
                        {
                            EffectMeasure.Wasserstein => WassersteinDistance.Normalised(profile.Sample, sample),
                            _ => outcome.Value.Statistic,
                        };
                    }
                }

                Func<double>? gate = calibrated && DriftCalibration.GateOf(method, numerical: true) is not null
                    ? () => KolmogorovSmirnov.ConservativePValue(profile.Sample, sample ?? window.Sample.ToArray())
                    : null;
                decision = Decide(feature, method, outcome.Value, options, calibrated, effect, measure, nullSize, gate);
            }
            catch (ArgumentException ex)
            {
                (outcome, decision, skip) = (null, null, FailedNote(ex));
            }
        }

        return Result(feature, method, outcome, decision, skip, profile.Count, current, quality, exact, options, window.Moments,
            Reportable(current, options) ? FeatureDistributions.Numeric(profile, window.Bins) : null);
    }

    private static DriftOutcome TTestFromMoments(FeatureProfile profile, RunningMoments current)
    {
        double referenceVariance = profile.Count > 1 ? profile.StandardDeviation * profile.StandardDeviation * profile.Count / (profile.Count - 1) : double.NaN;
        var (statistic, pValue) = StudentTTest.FromMoments(profile.Count, profile.Mean, referenceVariance, current.Count, current.Mean, current.SampleVariance);
        return new DriftOutcome(DriftMethod.TTest, statistic, pValue);
    }

    public static FeatureDriftResult Evaluate(CategoricalFeatureState feature, CategoricalWindow window, MonitorOptions options)
    {
        FeatureProfile profile = feature.Profile;
        DriftMethod method = MethodOf(feature);
        long current = window.Count;
        string? skip = SkipReason(feature.Schema, current, options);
        DriftOutcome? outcome = null;
        DriftDecision? decision = null;
        if (skip is null)
        {
            try
            {
                int slots = profile.Categories.Length + 1;
                Span<double> reference = slots <= MaxStackSlots ? stackalloc double[MaxStackSlots] : new double[slots];
                Span<double> counts = slots <= MaxStackSlots ? stackalloc double[MaxStackSlots] : new double[slots];
                reference = reference[..slots];
                counts = counts[..slots];
                for (int i = 0; i < profile.CategoryCounts.Length; i++)
                {
                    reference[i] = profile.CategoryCounts[i];
                }

                reference[^1] = profile.OtherCount;
                window.Counts.CopyTo(counts);
                outcome = DriftStatistics.Counts(method, reference, counts);
                bool calibrated = IsCalibrated(feature, options);
                EffectMeasure measure = DriftCalibration.EffectOf(method, numerical: false);
                double effect = calibrated ? CountEffect(measure, outcome.Value, reference, counts) : double.NaN;
                double? countGate = calibrated && DriftCalibration.GateOf(method, numerical: false) is DriftMethod g
                    ? DriftStatistics.Counts(g, reference, counts).PValue
                    : null;
                Func<double>? gate = countGate is double fisher ? () => fisher : null;
                decision = Decide(feature, method, outcome.Value, options, calibrated, effect, measure, current, gate);
            }
            catch (ArgumentException ex)
            {
                (outcome, decision, skip) = (null, null, FailedNote(ex));
            }
        }

        return Result(feature, method, outcome, decision, skip, profile.Count, current, window.Quality, exact: false, options,
            distribution: Reportable(current, options) ? FeatureDistributions.Categorical(profile, window.Counts) : null);
    }

    // A method that cannot run on the window's data (z on three values, es on four or fewer distinct ones) throws
    // ArgumentException: the data, not the monitor, failed, so the result keeps the window's counts and data quality.
    private static string FailedNote(ArgumentException exception) => $"the test failed: {exception.Message}";

    public static FeatureDriftResult Failed(FeatureState feature, Exception exception) => new()
    {
        Feature = feature.Name,
        Kind = feature.Schema.Kind,
        Method = DriftMethodCatalog.IdOf(MethodOf(feature)),
        Tested = false,
        Threshold = FixedThresholdOf(feature),
        Exact = false,
        ReferenceCount = feature.Profile.Count,
        CurrentCount = 0,
        Note = $"the test failed: {exception.Message}",
    };

    private static double CountEffect(EffectMeasure measure, DriftOutcome outcome, ReadOnlySpan<double> reference, ReadOnlySpan<double> counts) =>
        measure == EffectMeasure.Score ? outcome.Statistic : DriftStatistics.Counts(DriftMethod.JensenShannon, reference, counts).Statistic;

    // A declared threshold, or fixed mode, fixes the decision; a calibrated method that needs a null the profile lacks falls back.
    private static bool IsCalibrated(FeatureState feature, MonitorOptions options) =>
        options.Thresholds == ThresholdMode.Calibrated && double.IsNaN(feature.Schema.Threshold);

    private static DriftDecision Decide(FeatureState feature, DriftMethod method, DriftOutcome outcome, MonitorOptions options, bool calibrated,
        double effect, EffectMeasure measure, long nullSize, Func<double>? gate = null)
    {
        if (!calibrated)
        {
            return DriftDecision.Fixed(method, outcome, FixedThresholdOf(feature));
        }

        if (DriftCalibration.NeedsResampledNull(method) && feature.Profile.Null is null)
        {
            return DriftDecision.Fixed(method, outcome, FixedThresholdOf(feature),
                "fixed threshold: the profile holds no null distribution for this method (fitted before calibration, or with NullResamples = 0)");
        }

        double alpha = options.FeatureAlpha.TryGetValue(feature.Name, out double a) ? a : options.Alpha;
        double floor = options.EffectFloors.TryGetValue(method, out double f) ? f : DriftCalibration.DefaultFloor;
        return DriftDecision.Calibrated(method, outcome, alpha, effect, measure, floor, feature.Profile.Null, nullSize, gate);
    }

    private static DriftMethod MethodOf(FeatureState feature) =>
        feature.Schema.Method != DriftMethod.Auto ? feature.Schema.Method : feature.Profile.Method;

    private static double FixedThresholdOf(FeatureState feature) =>
        double.IsNaN(feature.Schema.Threshold) ? DriftMethodCatalog.DefaultThreshold(MethodOf(feature)) : feature.Schema.Threshold;

    private static string? SkipReason(FeatureSchema schema, long current, MonitorOptions options)
    {
        if (!schema.DriftTested)
        {
            return "no [DriftTest]: data quality only";
        }

        return current < options.MinimumWindowSize
            ? $"{current} values in the window, fewer than the minimum of {options.MinimumWindowSize}"
            : null;
    }

    private static FeatureDriftResult Result(FeatureState feature, DriftMethod method, DriftOutcome? outcome, DriftDecision? decision, string? skip,
        long referenceCount, long currentCount, DataQualityCounts quality, bool exact, MonitorOptions options, RunningMoments? moments = null,
        FeatureDistribution? distribution = null)
    {
        RunningMoments? reported = moments is { } m && Reportable(m.Count, options) ? moments : null;
        FeatureProfile profile = feature.Profile;
        bool numerical = moments is not null;
        bool calibrated = decision is { Mode: ThresholdMode.Calibrated };
        return new FeatureDriftResult
        {
            Feature = feature.Name,
            Kind = feature.Schema.Kind,
            Method = feature.Schema.DriftTested ? DriftMethodCatalog.IdOf(method) : "none",
            Tested = outcome is not null,
            Statistic = outcome?.Statistic,
            PValue = outcome?.PValue,
            Score = outcome?.Score,
            Threshold = decision?.Threshold ?? FixedThresholdOf(feature),
            ThresholdMode = decision?.Mode ?? (IsCalibrated(feature, options) ? ThresholdMode.Calibrated : ThresholdMode.Fixed),
            Alpha = decision?.Alpha,
            CalibratedPValue = decision?.CalibratedPValue,
            // A mean shift and the reference's moments give the window's mean away, so it is held back as the mean is.
            Effect = calibrated && (reported is not null || decision!.Value.EffectMeasure != "mean_shift") ? decision!.Value.Effect : null,
            DecisionEffect = decision?.Effect ?? double.NaN,
            EffectMeasure = decision?.EffectMeasure,
            EffectFloor = decision?.Floor,
            Drifted = decision?.Drifted ?? false,
            Exact = exact,
            ReferenceCount = referenceCount,
            CurrentCount = currentCount,
            ReferenceMean = numerical && profile.Count > 0 ? profile.Mean : null,
            ReferenceStandardDeviation = numerical && profile.Count > 0 ? profile.StandardDeviation : null,
            CurrentMean = reported is { Count: > 0 } current ? current.Mean : null,
            CurrentStandardDeviation = reported is { Count: > 0 } currentMoments ? currentMoments.PopulationStandardDeviation : null,
            Missing = quality.Missing,
            NonFinite = quality.NonFinite,
            OutOfRange = quality.OutOfRange,
            UnseenCategory = quality.UnseenCategory,
            Distribution = distribution,
            Note = skip ?? decision?.Note,
        };
    }

    // A window too small to hide one row's value reports no statistic of its values, and no counts of them.
    private static bool Reportable(long values, MonitorOptions options) => values >= (options.MinimumReportedCount ?? options.MinimumWindowSize);
}
