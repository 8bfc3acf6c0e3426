using System;
using MonitorGen.Calibration;
using MonitorGen.Statistics;

namespace MonitorGen.Cli;

/// <summary>The decision of one column: fixed, or calibrated with a null drawn on the fly from the pooled data.</summary>
/// <remarks>
/// Under no drift both files come from one distribution, so the null is drawn from reference ∪ current: counts from the
/// pooled proportions, samples with replacement from the pooled values. Each column has its own seed, so a report is
/// reproducible and does not depend on the order in which columns are tested.
/// </remarks>
internal static class ColumnCalibration
{
    private const ulong Seed = 0x5EED_CA11;

    public static DriftDecision Decide(DriftOptions options, ColumnData c, int column, DriftMethod method, DriftOutcome outcome)
    {
        if (options.Thresholds == ThresholdMode.Fixed || options.Threshold is not null)
        {
            return DriftDecision.Fixed(method, outcome, options.Threshold ?? DriftMethodCatalog.DefaultThreshold(method));
        }

        ulong seed = Seed + ((ulong)column * 0x9E3779B97F4A7C15UL);
        EffectMeasure measure = DriftCalibration.EffectOf(method, c.Numerical);
        long m = c.CurrentCount;
        bool needsNull = DriftCalibration.NeedsResampledNull(method);
        double effect;
        Func<double>? gate = null;
        NullDistribution? nullDistribution = null;
        if (c.Numerical && c.Plan != ColumnPlan.RawValues)
        {
            // psi, kl_div, jensenshannon on bins: the effect is the distance itself.
            effect = outcome.Statistic;
            nullDistribution = CountNull(method, c.ReferenceBins!, c.CurrentBins!, m, options.Resamples, seed, keepEmptyCells: true);
        }
        else if (c.Numerical)
        {
            ReadOnlySpan<double> reference = c.ReferenceValues.Span, current = c.CurrentValues.Span;
            bool onValueCounts = method is DriftMethod.ChiSquare or DriftMethod.GTest or DriftMethod.Z or DriftMethod.FisherExact or DriftMethod.Tvd;
            (double[] r, double[] cur) = onValueCounts || measure == EffectMeasure.JensenShannon ? Binning.ValueCounts(reference, current) : default;
            effect = measure switch
            {
                EffectMeasure.Score or EffectMeasure.KsStatistic => outcome.Statistic,
                EffectMeasure.MeanShift => MeanShift(reference, current),
                EffectMeasure.Wasserstein => WassersteinDistance.Normalised(reference, current),
                _ => DriftStatistics.Counts(DriftMethod.JensenShannon, r, cur).Statistic,
            };
            if (needsNull)
            {
                nullDistribution = onValueCounts
                    ? CountNull(method, r, cur, m, options.Resamples, seed, keepEmptyCells: false)
                    : SampleNull(method, reference, current, options.Resamples, seed);
            }

            if (DriftCalibration.GateOf(method, numerical: true) is not null)
            {
                DoubleList referenceValues = c.ReferenceValues, currentValues = c.CurrentValues;
                gate = () => KolmogorovSmirnov.ConservativePValue(referenceValues.Span, currentValues.Span);
            }
        }
        else
        {
            (double[] r, double[] cur) = c.AlignedCounts();
            effect = measure == EffectMeasure.Score ? outcome.Statistic : DriftStatistics.Counts(DriftMethod.JensenShannon, r, cur).Statistic;
            if (DriftCalibration.GateOf(method, numerical: false) is DriftMethod g)
            {
                gate = () => DriftStatistics.Counts(g, r, cur).PValue ?? 1;
            }

            if (needsNull)
            {
                nullDistribution = CountNull(method, r, cur, m, options.Resamples, seed, keepEmptyCells: false);
            }
        }

        return DriftDecision.Calibrated(method, outcome, options.AlphaOf(c.Name), effect, measure, DriftCalibration.DefaultFloor, nullDistribution, m, gate);
    }

    private static NullDistribution CountNull(DriftMethod method, double[] reference, double[] current, long m, int resamples, ulong seed, bool keepEmptyCells)
    {
        double n = 0, total = 0;
        foreach (double v in reference)
        {
            n += v;
        }

        var pooled = new double[reference.Length];
        for (int i = 0; i < pooled.Length; i++)
        {
            pooled[i] = reference[i] + current[i];
            total += pooled[i];
        }

        for (int i = 0; i < pooled.Length; i++)
        {
            pooled[i] /= total;
        }

        double[] draws = NullSimulator.Counts(method, pooled, (long)n, m, resamples, seed, keepEmptyCells);
        return NullDistribution.FromDraws((long)n, [SizeOf(m)], _ => draws);
    }

    // At most CliNullSampleCap values per side are drawn; the draws are scaled to the real sizes by the statistic's rate.
    private static NullDistribution SampleNull(DriftMethod method, ReadOnlySpan<double> reference, ReadOnlySpan<double> current, int resamples, ulong seed)
    {
        int n = reference.Length, m = current.Length;
        int cap = DriftCalibration.CliNullSampleCap;
        int drawnN = Math.Min(n, cap), drawnM = Math.Min(m, cap);
        double[] draws;
        if (SortedDrawNull.Supports(method))
        {
            draws = SortedDrawNull.Draws(method, SortedDrawNull.Pool(reference, current, seed), drawnN, drawnM, resamples, seed);
        }
        else
        {
            var pool = new double[n + m];
            reference.CopyTo(pool);
            current.CopyTo(pool.AsSpan(n));
            draws = NullSimulator.Samples(method, pool, drawnN, drawnM, resamples, seed);
        }
        if (drawnN != n || drawnM != m)
        {
            double scale = Math.Pow(((1.0 / n) + (1.0 / m)) / ((1.0 / drawnN) + (1.0 / drawnM)), DriftCalibration.NullScaleExponent(method));
            for (int i = 0; i < draws.Length; i++)
            {
                draws[i] *= scale;
            }
        }

        return NullDistribution.FromDraws(n, [m], _ => draws);
    }

    // As the monitor's t_test effect: the shift in the reference's population standard deviations, floored as wasserstein's.
    private static double MeanShift(ReadOnlySpan<double> reference, ReadOnlySpan<double> current) =>
        Math.Abs(PairwiseSum.Mean(current) - PairwiseSum.Mean(reference)) / Math.Max(PairwiseSum.PopulationStd(reference), WassersteinDistance.MinimumScale);

    private static int SizeOf(long m) => (int)Math.Min(m, int.MaxValue);
}
