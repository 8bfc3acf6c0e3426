using System;
using System.Globalization;
using System.Threading;
using MonitorGen.Reports;
using MonitorGen.Sketches;

namespace MonitorGen.Monitoring;

/// <summary>
/// One feature's rows per reference bin over every window this process has closed: what the observable counter
/// <c>monitorgen.feature.bin.rows</c> publishes, so that Prometheus can add the bins of every replica and compute drift
/// over the whole fleet (docs/fleet.md).
/// </summary>
/// <remarks>
/// The totals advance when a drift check closes a window, not per row: the hot path stays as it is, and the fleet's view
/// lags by at most one check. A check adds under the monitor's check lock; a collection reads each bin with a volatile
/// read, so it may see a check half-added across bins, never a total that goes down.
/// </remarks>
internal sealed class BinTotals
{
    private readonly long[] _totals;

    /// <param name="bins">The bin labels, in slot order: <c>0</c>…<c>B-1</c> for a numerical feature's reference bins, the
    /// reference categories and <c>(other)</c> for a categorical one.</param>
    public BinTotals(string[] bins)
    {
        Bins = bins;
        _totals = new long[bins.Length];
    }

    /// <summary>The bin labels, in slot order.</summary>
    public string[] Bins { get; }

    /// <summary>The labels of a numerical feature's <paramref name="count"/> reference bins: their indexes.</summary>
    public static string[] Numbered(int count)
    {
        var bins = new string[count];
        for (int i = 0; i < count; i++)
        {
            bins[i] = i.ToString(CultureInfo.InvariantCulture);
        }

        return bins;
    }

    /// <summary>The labels of a categorical feature's slots: its reference categories, then the slot of the categories
    /// beyond the cap and the unseen ones, labelled as the reports label it.</summary>
    public static string[] Categories(string[] categories) => [.. categories, FeatureDistributions.OtherLabel];

    /// <summary>The total of bin <paramref name="slot"/>.</summary>
    public long this[int slot] => Volatile.Read(ref _totals[slot]);

    /// <summary>Adds a closed window's counts.</summary>
    public void Add(CountVector counts)
    {
        if (counts.Length != _totals.Length)
        {
            throw new ArgumentException($"A window of {counts.Length} bins cannot be added to {_totals.Length}.", nameof(counts));
        }

        for (int i = 0; i < _totals.Length; i++)
        {
            long count = counts[i];
            if (count != 0)
            {
                Interlocked.Add(ref _totals[i], count);
            }
        }
    }
}
