using System;

namespace MonitorGen;

/// <summary>Tests a feature for drift against the reference profile.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class DriftTestAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="method">The test; <see cref="DriftMethod.Auto"/> applies the default rules.</param>
    public DriftTestAttribute(DriftMethod method = DriftMethod.Auto) => Method = method;

    /// <summary>The test.</summary>
    public DriftMethod Method { get; }

    /// <summary>The threshold; when not set, the method's default threshold applies.</summary>
    public double Threshold { get; set; } = double.NaN;
}
