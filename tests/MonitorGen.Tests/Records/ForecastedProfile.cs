using System;
using System.Linq;

namespace MonitorGen.Tests.Records;

/// <summary>The label tests' shared reference for <see cref="Forecasted"/>: 300 rows over the three skies, confidences
/// 0.5 to 0.99, and the calendar their clocks start on.</summary>
internal static class ForecastedProfile
{
    public static DateTimeOffset Start { get; } = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static ReferenceProfile Reference { get; } = Forecasted.FitProfile(
        Enumerable.Range(0, 300).Select(i => new Forecasted { Sky = (Sky)(i % 3), Confidence = 0.5 + (i % 50 / 100.0) }));
}
