namespace MonitorGen.Labels;

/// <summary>What became of one label.</summary>
public enum LabelOutcome
{
    /// <summary>It met its prediction, and counts in the realized performance of the prediction's window.</summary>
    Matched,

    /// <summary>Its prediction was pending once but is no longer: older than the label horizon, or pushed out of the
    /// bounded table by newer ones.</summary>
    Late,

    /// <summary>No prediction of this monitor has its id (a malformed id, another process's, a future one).</summary>
    Unmatched,

    /// <summary>Its prediction already has a label from the same source.</summary>
    Duplicate,

    /// <summary>The label itself is unusable: a class the model cannot predict, a value that is not finite, or a value of
    /// another type.</summary>
    Rejected,
}
