using System;

namespace MonitorGen;

/// <summary>States that a public member is deliberately not monitored, which silences MG0001.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class NotMonitoredAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="reason">Why the member is not monitored.</param>
    public NotMonitoredAttribute(string? reason = null) => Reason = reason;

    /// <summary>Why the member is not monitored.</summary>
    public string? Reason { get; }
}
