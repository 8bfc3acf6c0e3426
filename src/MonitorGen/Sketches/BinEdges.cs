using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MonitorGen.Sketches;

/// <summary>
/// Reference bins fixed at fit time, given by their interior cut points: k cuts make k + 1 bins, the outer two open-ended,
/// so every finite value has a bin. A value equal to a cut goes to the bin above it.
/// </summary>
internal static class BinEdges
{
    /// <summary>The bin of <paramref name="value"/>: the number of cuts at or below it.</summary>
    public static int BinOf(ReadOnlySpan<double> cuts, double value) =>
        cuts.Length <= LinearLimit ? CountAtOrBelow(cuts, value) : UpperBound(cuts, value);

    // Profiles have about ten cuts: counting them all with vector compares beats any search, whose comparisons are
    // unpredictable on live data (a mispredicted branch per halving) or serially dependent (a conditional move per halving).
    private const int LinearLimit = 64;

    private static int CountAtOrBelow(ReadOnlySpan<double> cuts, double value)
    {
        int count = 0;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> broadcast = Vector256.Create(value);
            for (; i <= cuts.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                Vector256<double> atOrBelow = Vector256.LessThanOrEqual(Vector256.Create(cuts.Slice(i, Vector256<double>.Count)), broadcast);
                count += BitOperations.PopCount(atOrBelow.ExtractMostSignificantBits());
            }
        }

        for (; i < cuts.Length; i++)
        {
            count += cuts[i] <= value ? 1 : 0;
        }

        return count;
    }

    // Branch-free upper bound for long cut vectors: each halving is a conditional move.
    private static int UpperBound(ReadOnlySpan<double> cuts, double value)
    {
        ref double first = ref MemoryMarshal.GetReference(cuts);
        int length = cuts.Length;
        int low = 0;
        while (length > 1)
        {
            int half = length >>> 1;
            low = Unsafe.Add(ref first, low + half) <= value ? low + half : low;
            length -= half;
        }

        return low + (Unsafe.Add(ref first, low) <= value ? 1 : 0);
    }
}
