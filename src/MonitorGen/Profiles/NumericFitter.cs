using System;
using System.Collections.Generic;
using MathNet.Numerics.Statistics;
using MonitorGen.Calibration;
using MonitorGen.Sketches;

namespace MonitorGen.Profiles;

/// <summary>Collects one numerical feature's training values and summarises them into a <see cref="FeatureProfile"/>.</summary>
/// <remarks>Fitting keeps the training values to compute exact quantiles; it runs offline, not on the serving path.</remarks>
internal sealed class NumericFitter
{
    private readonly List<double> _values = new();
    private long _missing;
    private long _invalid;

    private readonly int _index;

    internal NumericFitter(FeatureSchema schema, int index)
    {
        Schema = schema;
        _index = index;
    }

    internal FeatureSchema Schema { get; }

    /// <summary>Adds a value; NaN and infinities are counted as invalid and left out.</summary>
    public void Add(double value)
    {
        if (double.IsFinite(value))
        {
            _values.Add(value);
        }
        else
        {
            _invalid++;
        }
    }

    /// <summary>Counts a null value.</summary>
    public void AddMissing() => _missing++;

    internal FeatureProfile Build(FitOptions options)
    {
        double[] sorted = _values.ToArray();
        Array.Sort(sorted);
        int distinct = CountDistinct(sorted);
        double[] cuts = distinct <= options.MaxDiscreteValues ? MidpointCuts(sorted) : QuantileCuts(sorted, options.NumericBins);
        long[] binCounts = new long[cuts.Length + 1];
        foreach (double value in sorted)
        {
            binCounts[BinEdges.BinOf(cuts, value)]++;
        }

        var reservoir = new Reservoir(options.SampleSize, options.Seed + ((ulong)_index * 0x9E3779B97F4A7C15));
        foreach (double value in _values)
        {
            reservoir.Add(value);
        }

        var moments = new RunningStatistics(sorted);
        var profile = new FeatureProfile
        {
            Name = Schema.Name,
            Kind = FeatureKind.Numerical,
            Method = MethodResolver.Resolve(Schema, numerical: true, sorted.Length, distinct),
            Count = sorted.Length,
            Missing = _missing,
            Invalid = _invalid,
            DistinctCount = distinct,
            Cuts = cuts,
            BinCounts = binCounts,
            Sample = reservoir.ToArray(),
            Mean = sorted.Length == 0 ? 0 : moments.Mean,
            StandardDeviation = sorted.Length == 0 ? 0 : moments.PopulationStandardDeviation,
            Min = sorted.Length == 0 ? 0 : sorted[0],
            Max = sorted.Length == 0 ? 0 : sorted[^1],
        };
        profile.Null = NullCalibrator.Fit(profile, options, _index);
        return profile;
    }

    private static int CountDistinct(double[] sorted)
    {
        int distinct = sorted.Length == 0 ? 0 : 1;
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[i - 1])
            {
                distinct++;
            }
        }

        return distinct;
    }

    // One bin per distinct value: cuts half-way between neighbours.
    private static double[] MidpointCuts(double[] sorted)
    {
        var cuts = new List<double>();
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[i - 1])
            {
                cuts.Add(sorted[i - 1] + ((sorted[i] - sorted[i - 1]) / 2));
            }
        }

        return cuts.ToArray();
    }

    private static double[] QuantileCuts(double[] sorted, int bins)
    {
        var cuts = new List<double>(bins - 1);
        for (int i = 1; i < bins; i++)
        {
            double cut = SortedArrayStatistics.Quantile(sorted, (double)i / bins);
            if (cuts.Count == 0 || cut > cuts[^1])
            {
                cuts.Add(cut);
            }
        }

        return cuts.ToArray();
    }
}
