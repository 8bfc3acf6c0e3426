namespace MonitorGen.Statistics;

/// <summary>Binary searches of an ascending array that count ties as C++'s lower_bound and upper_bound do.</summary>
internal static class SortedSearch
{
    /// <summary>The number of values strictly below <paramref name="value"/>: the first index whose value is at least it.</summary>
    public static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
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

    /// <summary>The number of values at most <paramref name="value"/>: the first index whose value is above it.</summary>
    public static int UpperBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
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
