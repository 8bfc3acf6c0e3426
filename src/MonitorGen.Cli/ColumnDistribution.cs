using System;
using System.Globalization;
using System.Linq;
using MonitorGen.Reports;
using MonitorGen.Statistics;

namespace MonitorGen.Cli;

/// <summary>A column's reference and current counts on the same bins, for the HTML report.</summary>
internal static class ColumnDistribution
{
    /// <summary>The most categories a report draws; the rest are summed into one bin, so a page stays small.</summary>
    public const int MaxCategories = 30;

    /// <summary>
    /// A numerical column: the bins its test used (Sturges edges over both files, as NumPy forms them, or the value counts),
    /// or, for the methods that test raw values, Sturges edges over both files. A categorical column: its categories, the
    /// most frequent <see cref="MaxCategories"/> by both files' counts, then the rest.
    /// </summary>
    public static FeatureDistribution Of(ColumnData c)
    {
        if (!c.Numerical)
        {
            (string[] keys, double[] reference, double[] current) = c.AlignedCategories();
            return Capped(keys, reference, current);
        }

        if (c.Plan == ColumnPlan.ValueCounts)
        {
            string[] labels = c.ValueKeys!.Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray();
            return Distribution(labels, c.ReferenceBins!, c.CurrentBins!);
        }

        if (c.Plan == ColumnPlan.Histogram)
        {
            return Distribution(FeatureDistributions.EdgeLabels(c.Edges!), c.ReferenceBins!, c.CurrentBins!);
        }

        double[] edges = Binning.SturgesEdges(c.ReferenceValues.Span, c.CurrentValues.Span);
        return Distribution(FeatureDistributions.EdgeLabels(edges),
            Binning.HistogramCounts(c.ReferenceValues.Span, edges), Binning.HistogramCounts(c.CurrentValues.Span, edges));
    }

    private static FeatureDistribution Capped(string[] keys, double[] reference, double[] current)
    {
        if (keys.Length <= MaxCategories)
        {
            return Distribution(keys, reference, current);
        }

        int[] order = Enumerable.Range(0, keys.Length)
            .OrderByDescending(i => reference[i] + current[i])
            .ThenBy(i => keys[i], StringComparer.Ordinal)
            .ToArray();
        var labels = new string[MaxCategories + 1];
        var r = new double[MaxCategories + 1];
        var cur = new double[MaxCategories + 1];
        for (int k = 0; k < order.Length; k++)
        {
            int slot = Math.Min(k, MaxCategories);
            r[slot] += reference[order[k]];
            cur[slot] += current[order[k]];
            if (k < MaxCategories)
            {
                labels[k] = keys[order[k]];
            }
        }

        labels[MaxCategories] = $"{FeatureDistributions.OtherLabel}: {order.Length - MaxCategories} more";
        return Distribution(labels, r, cur);
    }

    private static FeatureDistribution Distribution(string[] labels, double[] reference, double[] current) => new()
    {
        Bins = labels,
        Reference = reference.Select(v => (long)v).ToArray(),
        Current = current.Select(v => (long)v).ToArray(),
    };
}
