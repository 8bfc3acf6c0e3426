using System;

namespace MonitorGen.Windows;

/// <summary>A tumbling window that is due once a given time has passed since it opened.</summary>
internal sealed class TumblingTimeWindow : WindowPolicy
{
    public TumblingTimeWindow(TimeSpan length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero);
        Length = length;
    }

    public TimeSpan Length { get; }

    public override bool IsDue(long rows, DateTimeOffset openedAt, DateTimeOffset now) => now - openedAt >= Length;

    public override string ToString() => $"tumbling {Length}";
}
