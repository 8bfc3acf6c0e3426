using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MonitorGen.Labels;

/// <summary>
/// A generated prediction id: the process that made the prediction (its epoch, from the <see cref="LabelStore"/>; 0
/// without one), the slot that observed it and its sequence number in that slot, so that a label finds its prediction by
/// arithmetic, with no index to keep, and ids from the replicas of a fleet never collide. Shown as 16 hexadecimal digits.
/// </summary>
internal readonly record struct PredictionId(int Slot, long Sequence, int Epoch = 0)
{
    /// <summary>15 bits of epoch, 8 of slot (ShardPool.MaxSlots is 16) and 40 of sequence: 1.1e12 predictions per slot
    /// and process before the ids wrap. The sign bit stays clear, as a negative value means no id.</summary>
    public const int EpochBits = 15;
    private const int SlotBits = 8;
    private const int SequenceBits = 40;
    private const long SequenceMask = (1L << SequenceBits) - 1;

    public long Value => (long)(((ulong)(uint)Epoch << (SlotBits + SequenceBits)) | ((ulong)(uint)Slot << SequenceBits) | (ulong)(Sequence & SequenceMask));

    /// <summary>The high bits an epoch sets in <see cref="Value"/>.</summary>
    public static long EpochValue(int epoch) => (long)((ulong)(uint)epoch << (SlotBits + SequenceBits));

    /// <summary>The bits a slot sets in <see cref="Value"/>.</summary>
    public static long SlotValue(int slot) => (long)((ulong)(uint)slot << SequenceBits);

    /// <summary>The bits a sequence number sets in <see cref="Value"/>.</summary>
    public static long SequenceValue(long sequence) => sequence & SequenceMask;

    public static PredictionId FromValue(long value) =>
        new((int)(((ulong)value >> SequenceBits) & ((1UL << SlotBits) - 1)), value & SequenceMask, (int)((ulong)value >> (SlotBits + SequenceBits)));

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
