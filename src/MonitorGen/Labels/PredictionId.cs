using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MonitorGen.Labels;

/// <summary>
/// A generated prediction id: the slot that observed the prediction and the prediction's sequence number in that slot,
/// so that a label finds its prediction by arithmetic, with no index to keep. Shown to users as 16 hexadecimal digits.
/// </summary>
internal readonly record struct PredictionId(int Slot, long Sequence)
{
    // 8 bits of slot (ShardPool.MaxSlots is 16) and 56 of sequence: 7e16 predictions per slot before the ids wrap.
    private const int SlotBits = 8;
    private const long SequenceMask = (1L << (64 - SlotBits)) - 1;

    public long Value => ((long)Slot << (64 - SlotBits)) | (Sequence & SequenceMask);

    public static PredictionId FromValue(long value) => new((int)((ulong)value >> (64 - SlotBits)), value & SequenceMask);

    public override string ToString() => Value.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Parses the 16-digit form; anything else (null, another length, a non-hex digit) is not an id.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out PredictionId id)
    {
        if (text is { Length: 16 } && long.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long value))
        {
            id = FromValue(value);
            return true;
        }

        id = default;
        return false;
    }
}
