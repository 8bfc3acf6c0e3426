using System;

namespace MonitorGen.Tests.Statistics;

/// <summary>How close a C# value must be to SciPy's.</summary>
internal static class Tolerance
{
    public const double Relative = 1e-9;

    /// <summary>Both sides may underflow to 0 below this.</summary>
    public const double Underflow = 1e-300;

    /// <summary>Relative error within 1e-9; equal infinities; both below 1e-300; or, when <paramref name="absolute"/> &gt; 0, within it.</summary>
    public static bool Close(double actual, double expected, double absolute = 0)
    {
        if (double.IsNaN(actual) || double.IsNaN(expected))
        {
            return false;
        }

        if (double.IsInfinity(expected) || double.IsInfinity(actual))
        {
            return actual == expected;
        }

        if (Math.Abs(actual) < Underflow && Math.Abs(expected) < Underflow)
        {
            return true;
        }

        double diff = Math.Abs(actual - expected);
        return diff <= Relative * Math.Abs(expected) || diff <= absolute;
    }

    public static double RelativeError(double actual, double expected) =>
        expected == 0 ? Math.Abs(actual) : Math.Abs(actual - expected) / Math.Abs(expected);
}
