namespace MonitorGen.Kpis;

/// <summary>
/// The rules of <c>[KpiMetric]</c> arguments that the runtime (<c>KpiSchema</c>), the generator and MG0007 must agree on.
/// </summary>
internal static class KpiRules
{
    /// <summary>Whether histogram bucket boundaries are valid: at least one, every one finite, strictly increasing.</summary>
    public static bool IsValidBuckets(double[] buckets)
    {
        if (buckets.Length == 0)
        {
            return false;
        }

        for (int i = 0; i < buckets.Length; i++)
        {
            if (double.IsNaN(buckets[i]) || double.IsInfinity(buckets[i]) || (i > 0 && !(buckets[i] > buckets[i - 1])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a declared target is valid: NaN (no target) or finite.</summary>
    public static bool IsValidTarget(double target) => !double.IsInfinity(target);

    /// <summary>Whether a direction's value is defined: 0 (higher is better) or 1 (lower is better).</summary>
    public static bool IsValidDirection(long direction) => direction is 0 or 1;
}
