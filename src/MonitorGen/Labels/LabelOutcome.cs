namespace MonitorGen.Labels;

/// <summary>What became of a label offered to the pending predictions.</summary>
internal enum LabelOutcome
{
    /// <summary>It met its prediction, which is now labelled.</summary>
    Matched,

    /// <summary>Its prediction was pending once but is no longer: older than the label horizon, or pushed out by newer ones.</summary>
    Late,

    /// <summary>No prediction ever had its id (a malformed id, another process's, a future one).</summary>
    Unmatched,

    /// <summary>Its prediction was labelled already.</summary>
    Duplicate,
}
