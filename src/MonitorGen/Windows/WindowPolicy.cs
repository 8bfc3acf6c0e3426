using System;

namespace MonitorGen.Windows;

/// <summary>
/// When a monitor's current window closes. The hot path never consults it: <c>Observe</c> only counts, and a scheduler
/// (a timer, a hosted service, or the caller) asks <see cref="ModelMonitor.IsWindowDue"/> or calls
/// <see cref="ModelMonitor.CheckDriftIfDue"/>, which closes the window and tests it off the hot path.
/// </summary>
public abstract class WindowPolicy
{
    private protected WindowPolicy()
    {
    }

    /// <summary>Every <see cref="ModelMonitor.CheckDrift"/> closes the window; nothing is ever due by itself. The default.</summary>
    public static WindowPolicy Manual { get; } = new ManualWindow();

    /// <summary>How many closed sub-windows a check evaluates together: 1 for tumbling windows, K for sliding ones.</summary>
    public virtual int SubWindows => 1;

    /// <summary>A tumbling window of <paramref name="rows"/> rows: due once the window holds at least that many.</summary>
    /// <remarks>The window closes at the first poll at or after the count, so it may hold a few more rows than
    /// <paramref name="rows"/>; the report states the actual count.</remarks>
    public static WindowPolicy TumblingCount(long rows) => new TumblingCountWindow(rows);

    /// <summary>A tumbling window of <paramref name="length"/>: due once that much time has passed since it opened, by
    /// the monitor's <see cref="MonitorOptions.TimeProvider"/>.</summary>
    public static WindowPolicy TumblingTime(TimeSpan length) => new TumblingTimeWindow(length);

    /// <summary>
    /// A sliding window: a ring of the last <paramref name="subWindows"/> sub-windows, each closed by
    /// <paramref name="subWindow"/>; every check tests the merge of the ring, so consecutive checks overlap.
    /// </summary>
    public static WindowPolicy Sliding(WindowPolicy subWindow, int subWindows) => new SlidingWindow(subWindow, subWindows);

    /// <summary>Whether the current window should close.</summary>
    /// <param name="rows">Rows observed in the current (sub-)window.</param>
    /// <param name="openedAt">When the current (sub-)window opened.</param>
    /// <param name="now">The time now.</param>
    public abstract bool IsDue(long rows, DateTimeOffset openedAt, DateTimeOffset now);
}
