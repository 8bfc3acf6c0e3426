using System;
using System.Collections.Generic;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace MonitorGen.Sketches;

/// <summary>
/// A Bloom filter of the categories a fit saw beyond its category cap, stored in the profile, so that a value that falls
/// into "other" is told apart from one never seen in training: only the latter is a data-quality event.
/// </summary>
/// <remarks>
/// <para>Sized at about 9.6 bits per category with 7 hashes, for a false-positive rate of 1 % (a never-seen value taken
/// for a seen one, so not counted as unseen); a seen value is never taken for an unseen one. The filter is capped at
/// <see cref="MaxBytes"/> (1 MiB), enough for about 870,000 categories at 1 %; beyond that the rate rises.</para>
/// <para>Keys are stable across processes and platforms: XxHash3 of a string's UTF-16 code units, or of a number's IEEE bits
/// with -0 folded into 0, split into two 32-bit hashes combined as Kirsch and Mitzenmacher do.</para>
/// </remarks>
internal sealed class SeenCategoryFilter
{
    /// <summary>The largest filter a profile may hold, in bytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    private const int Hashes = 7;
    private const double BitsPerKey = 9.6;

    private readonly ulong[] _words;
    private readonly ulong _bits;

    private SeenCategoryFilter(ulong[] words)
    {
        _words = words;
        _bits = (ulong)words.Length * 64;
    }

    /// <summary>A filter holding every name in <paramref name="names"/> and every value in <paramref name="numbers"/>.</summary>
    public static SeenCategoryFilter Build(IReadOnlyCollection<string> names, IReadOnlyCollection<double> numbers)
    {
        long keys = Math.Max(1, names.Count + numbers.Count);
        long words = Math.Clamp((long)Math.Ceiling(keys * BitsPerKey / 64), 1, MaxBytes / sizeof(ulong));
        var filter = new SeenCategoryFilter(new ulong[words]);
        foreach (string name in names)
        {
            filter.Add(Hash(name));
        }

        foreach (double number in numbers)
        {
            filter.Add(Hash(number));
        }

        return filter;
    }

    /// <summary>Reads a filter from the profile's base64 form.</summary>
    /// <returns>False when the text is not base64 of a whole number of 64-bit words within <see cref="MaxBytes"/>.</returns>
    public static bool TryParse(string text, out SeenCategoryFilter? filter)
    {
        filter = null;
        if (text.Length > ((MaxBytes + 2) / 3 * 4))
        {
            return false;
        }

        byte[] bytes = new byte[(text.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(text, bytes, out int length) || length == 0 || length % sizeof(ulong) != 0)
        {
            return false;
        }

        filter = new SeenCategoryFilter(MemoryMarshal.Cast<byte, ulong>(bytes.AsSpan(0, length)).ToArray());
        return true;
    }

    /// <summary>The profile's base64 form.</summary>
    public override string ToString() => Convert.ToBase64String(MemoryMarshal.AsBytes(_words.AsSpan()));

    /// <summary>Whether the fit may have seen <paramref name="name"/>; allocation-free.</summary>
    public bool MightContain(string name) => Contains(Hash(name));

    /// <summary>Whether the fit may have seen <paramref name="number"/>; allocation-free.</summary>
    public bool MightContain(double number) => Contains(Hash(number));

    private static ulong Hash(string name) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(name.AsSpan()));

    private static ulong Hash(double number)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(number + 0.0);
        return XxHash3.HashToUInt64(MemoryMarshal.AsBytes(new ReadOnlySpan<ulong>(in bits)));
    }

    private void Add(ulong hash)
    {
        for (uint i = 0; i < Hashes; i++)
        {
            ulong bit = Bit(hash, i);
            _words[bit >> 6] |= 1UL << (int)(bit & 63);
        }
    }

    private bool Contains(ulong hash)
    {
        for (uint i = 0; i < Hashes; i++)
        {
            ulong bit = Bit(hash, i);
            if ((_words[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private ulong Bit(ulong hash, uint i) => ((hash & 0xFFFFFFFF) + (i * (hash >> 32))) % _bits;
}
