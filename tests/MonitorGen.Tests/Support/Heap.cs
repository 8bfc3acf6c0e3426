using System;

namespace MonitorGen.Tests.Support;

/// <summary>The heap after full collections, for tests of bounded memory (which run in <see cref="HeapMeasurementCollection"/>).</summary>
internal static class Heap
{
    public static long Settled()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
