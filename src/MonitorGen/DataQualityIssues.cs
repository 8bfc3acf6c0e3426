using System;

namespace MonitorGen;

/// <summary>The data-quality problems one observed value (or row) can have.</summary>
[Flags]
internal enum DataQualityIssues
{
    /// <summary>No problem.</summary>
    None = 0,
    /// <summary>The value was null.</summary>
    Missing = 1,
    /// <summary>The value was NaN or infinite.</summary>
    NonFinite = 2,
    /// <summary>The value was outside the <see cref="ExpectAttribute"/> range.</summary>
    OutOfRange = 4,
    /// <summary>The category was absent from the reference profile, or the enum value is undefined.</summary>
    UnseenCategory = 8,
}
