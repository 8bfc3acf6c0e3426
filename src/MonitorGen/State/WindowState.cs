using System;

namespace MonitorGen.State;

/// <summary>One feature's window as saved: counts per bin or category, the sample and moments of a numerical window, and
/// the data-quality counters.</summary>
internal sealed class WindowState
{
    public long[] Counts { get; set; } = Array.Empty<long>();

    public double[] Sample { get; set; } = Array.Empty<double>();

    public long SampleSeen { get; set; }

    public long MomentCount { get; set; }

    public double Mean { get; set; }

    public double M2 { get; set; }

    public double Min { get; set; }

    public double Max { get; set; }

    public long Missing { get; set; }

    public long NonFinite { get; set; }

    public long OutOfRange { get; set; }

    public long UnseenCategory { get; set; }
}
