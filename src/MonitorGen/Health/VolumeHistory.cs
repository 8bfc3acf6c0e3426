using System;
using System.Threading;

namespace MonitorGen.Health;

/// <summary>
/// Readings of a monitor's row count over time, kept in a small ring so that the volume of the last window can be judged
/// whenever health is asked, without a timer of its own: the drift-check schedule and each health check take a reading.
/// </summary>
/// <remarks>
/// A reading is kept at most every 1/16 of the window, and the ring holds 64: four windows of history. Counts only grow,
/// so the rows since a reading at least one window old bound the rows of the last window from above: when they are low,
/// the last window was low too.
/// </remarks>
internal sealed class VolumeHistory
{
    private const int Capacity = 64;
    private const int ReadingsPerWindow = 16;

    private readonly long[] _ticks = new long[Capacity];
    private readonly long[] _rows = new long[Capacity];
    private readonly Lock _lock = new();
    private int _next;
    private int _count;

    public VolumeHistory(DateTimeOffset start, long rows) => Add(start.UtcTicks, rows);

    /// <summary>Takes a reading (when the last is at least 1/16 of <paramref name="window"/> old) and returns the rows
    /// since the newest reading at least <paramref name="window"/> old, with its age; null while there is none.</summary>
    public (long Rows, TimeSpan Span)? Since(DateTimeOffset now, long rows, TimeSpan window)
    {
        long nowTicks = now.UtcTicks;
        lock (_lock)
        {
            int newest = (_next - 1 + Capacity) % Capacity;
            if (nowTicks - _ticks[newest] >= window.Ticks / ReadingsPerWindow)
            {
                Add(nowTicks, rows);
            }

            for (int i = 1; i <= _count; i++)
            {
                int slot = (_next - i + Capacity) % Capacity;
                if (nowTicks - _ticks[slot] >= window.Ticks)
                {
                    return (rows - _rows[slot], TimeSpan.FromTicks(nowTicks - _ticks[slot]));
                }
            }

            return null;
        }
    }

    private void Add(long ticks, long rows)
    {
        _ticks[_next] = ticks;
        _rows[_next] = rows;
        _next = (_next + 1) % Capacity;
        _count = Math.Min(_count + 1, Capacity);
    }
}
