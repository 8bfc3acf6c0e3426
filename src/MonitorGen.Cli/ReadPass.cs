namespace MonitorGen.Cli;

/// <summary>What one streaming read of a file does with the numbers of numerical columns.</summary>
internal enum ReadPass
{
    /// <summary>Keep every number (single-pass reading, for methods that need the raw samples).</summary>
    Values,

    /// <summary>First of two passes: infer kinds, count missing values and categories, and summarise the numbers (<see cref="NumericSummary"/>).</summary>
    Summaries,

    /// <summary>Second of two passes: fill the histograms, or keep the numbers, of the columns that need it; nothing else is counted again.</summary>
    Second,
}
