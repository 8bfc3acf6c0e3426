using System;

namespace MonitorGen.Sketches;

/// <summary>
/// Reference bins fixed at fit time, given by their interior cut points: k cuts make k + 1 bins, the outer two open-ended,
/// so every finite value has a bin. A value equal to a cut goes to the bin above it.
/// </summary>
public static class BinEdges
{
    /// <summary>The bin of <paramref name="value"/>: the number of cuts at or below it.</summary>
    public static int BinOf(ReadOnlySpan<double> cuts, double value)
    {
        // Upper-bound binary search; cut vectors are short (tens), so this is a handful of predictable compares.
        int lo = 0, hi = cuts.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (cuts[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
