namespace MonitorGen.Cli;

/// <summary>How a numerical column's data are kept for its test.</summary>
internal enum ColumnPlan
{
    /// <summary>The raw values, as doubles (the rank and sample methods, hellinger, and every method without a first pass).</summary>
    RawValues,

    /// <summary>Sturges histogram counts, filled in a second streaming pass (psi, kl_div, jensenshannon with more than 20 distinct reference values).</summary>
    Histogram,

    /// <summary>Value counts over at most 20 + 20 distinct values, complete after the first pass (psi, kl_div, jensenshannon otherwise).</summary>
    ValueCounts,
}
