namespace MonitorGen.Statistics;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014): a 64-bit generator of one add and a mix per value. Written here because the
/// draws of a null must be a fixed algorithm, the same on every runtime, and cost a few nanoseconds each.
/// </summary>
internal struct SplitMix64
{
    /// <summary>The increment of the state: 2^64 over the golden ratio.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15;
    private ulong _state;

    /// <summary>A generator whose draws are fixed by <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong Next() => Mix(_state += Gamma);

    /// <summary>SplitMix64's finaliser: a well-spread 64-bit hash of <paramref name="x"/>.</summary>
    public static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>): the high word of a 64 × 64-bit product (Lemire's reduction, without its rejection step; the bias is below 2^-32 for bounds under 2^32).</summary>
    public int NextBelow(int bound) => (int)System.Math.BigMul(Next(), (ulong)bound, out _);
}
