namespace MonitorGen.Labels;

/// <summary>Where a label comes from. Each source has its own counters and its own realized performance: weak labels are
/// never mixed with natural ones.</summary>
public enum LabelSource
{
    /// <summary>The outcome itself, arriving later (the weather that came, the order that was returned).</summary>
    Natural,

    /// <summary>A person's judgement, usually of a prediction the label-request sampler chose.</summary>
    Hand,

    /// <summary>A labeling function's vote: any feedback, better than none.</summary>
    Programmatic,
}
