using System;

namespace MonitorGen.Windows;

/// <summary>A sliding window: sub-windows close by an inner tumbling policy; a check tests the last K merged.</summary>
internal sealed class SlidingWindow : WindowPolicy
{
    public SlidingWindow(WindowPolicy subWindow, int subWindows)
    {
        ArgumentNullException.ThrowIfNull(subWindow);
        ArgumentOutOfRangeException.ThrowIfLessThan(subWindows, 1);
        if (subWindow is SlidingWindow)
        {
            throw new ArgumentException("A sub-window must be tumbling or manual, not sliding.", nameof(subWindow));
        }

        SubWindow = subWindow;
        SubWindows = subWindows;
    }

    public WindowPolicy SubWindow { get; }

    public override int SubWindows { get; }

    public override bool IsDue(long rows, DateTimeOffset openedAt, DateTimeOffset now) => SubWindow.IsDue(rows, openedAt, now);

    public override string ToString() => $"sliding {SubWindows} × {SubWindow}";
}
