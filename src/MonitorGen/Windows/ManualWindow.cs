using System;

namespace MonitorGen.Windows;

/// <summary>A window that closes only when <see cref="ModelMonitor.CheckDrift"/> is called.</summary>
internal sealed class ManualWindow : WindowPolicy
{
    public override bool IsDue(long rows, DateTimeOffset openedAt, DateTimeOffset now) => false;

    public override string ToString() => "manual";
}
