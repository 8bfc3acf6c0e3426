using System;

namespace MonitorGen.State;

/// <summary>One feature's saved windows: the open one, and the closed sub-windows of a sliding ring, oldest first.</summary>
internal sealed class FeatureWindowState
{
    public string Name { get; set; } = "";

    public WindowState Open { get; set; } = new();

    public WindowState[] Ring { get; set; } = Array.Empty<WindowState>();
}
