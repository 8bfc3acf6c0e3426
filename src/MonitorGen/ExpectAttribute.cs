using System;

namespace MonitorGen;

/// <summary>
/// The range a numeric feature is expected to stay in. A value outside it is counted on
/// <c>monitorgen.feature.out_of_range</c>; it is still observed for drift.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class ExpectAttribute : Attribute
{
    /// <summary>The smallest expected value (inclusive); unbounded when not set.</summary>
    public double Min { get; set; } = double.NegativeInfinity;

    /// <summary>The largest expected value (inclusive); unbounded when not set.</summary>
    public double Max { get; set; } = double.PositiveInfinity;
}
