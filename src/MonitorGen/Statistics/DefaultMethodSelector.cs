using System;

namespace MonitorGen.Statistics;

/// <summary>Evidently's choice of a drift method when none is named.</summary>
internal static class DefaultMethodSelector
{
    /// <summary>Reference sizes above this use the distance methods, which do not alarm on tiny shifts at large n.</summary>
    private const long LargeReference = 1000;

    /// <summary>Selects the default method for one feature.</summary>
    /// <param name="numerical">Whether the feature is numerical.</param>
    /// <param name="referenceCount">n, the number of non-missing reference values.</param>
    /// <param name="distinctCount">u, the number of distinct non-missing values in reference ∪ current.</param>
    /// <returns>ks, wasserstein, chisquare, z or jensenshannon.</returns>
    public static DriftMethod Select(bool numerical, long referenceCount, long distinctCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(referenceCount);
        ArgumentOutOfRangeException.ThrowIfNegative(distinctCount);
        if (referenceCount > LargeReference)
        {
            return numerical && distinctCount > 5 ? DriftMethod.Wasserstein : DriftMethod.JensenShannon;
        }

        if (numerical && distinctCount > 5)
        {
            return DriftMethod.Ks;
        }

        return distinctCount > 2 ? DriftMethod.ChiSquare : DriftMethod.Z;
    }
}
