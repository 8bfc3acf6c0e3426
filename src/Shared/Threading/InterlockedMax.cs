using System.Threading;

namespace MonitorGen.Threading;

/// <summary>The most a counter of concurrent work has reached, kept without a lock: the registry's manual checks, the CLI's columns.</summary>
internal static class InterlockedMax
{
    /// <summary>Raises <paramref name="location"/> to <paramref name="value"/> when it is larger, as one atomic step against other raisers.</summary>
    public static void Raise(ref int location, int value)
    {
        int seen = Volatile.Read(ref location);
        while (value > seen && Interlocked.CompareExchange(ref location, value, seen) is var previous && previous != seen)
        {
            seen = previous;
        }
    }
}
