using System;

namespace MonitorGen.Windows;

/// <summary>A tumbling window that is due once it holds a given number of rows.</summary>
internal sealed class TumblingCountWindow : WindowPolicy
{
    public TumblingCountWindow(long rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        Rows = rows;
    }

    public long Rows { get; }

    public override bool IsDue(long rows, DateTimeOffset openedAt, DateTimeOffset now) => rows >= Rows;

    public override string ToString() => $"tumbling {Rows} rows";
}
