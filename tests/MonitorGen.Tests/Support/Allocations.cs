using System;

namespace MonitorGen.Tests.Support;

/// <summary>What a piece of work allocates on the calling thread, for the tests of an allocation-free path.</summary>
internal static class Allocations
{
    /// <summary>
    /// The least that <paramref name="round"/> allocated on this thread over up to five runs (it stops at the first that
    /// allocates nothing). A run may catch a one-off of the runtime's (the JIT tiering a method up) or a meter listener
    /// that another test enabled, whose callback runs on this thread; an allocation per call shows in every run.
    /// </summary>
    public static long LeastOf(Action round)
    {
        long least = long.MaxValue;
        for (int i = 0; i < 5 && least > 0; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            round();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
