namespace MonitorGen.Performance;

/// <summary>A confidence interval around a performance figure.</summary>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
public readonly record struct Interval(double Lower, double Upper)
{
    /// <summary>No interval: the figure is undefined, or rests on too few rows.</summary>
    public static Interval None { get; } = new(double.NaN, double.NaN);
}
