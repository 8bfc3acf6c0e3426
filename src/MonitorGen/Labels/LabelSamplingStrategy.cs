namespace MonitorGen.Labels;

/// <summary>How the hand-label sampler spends its budget (<see cref="MonitorOptions.HandLabelBudget"/>).</summary>
public enum LabelSamplingStrategy
{
    /// <summary>Every prediction with the same probability.</summary>
    Uniform,

    /// <summary>The budget split evenly over the predicted classes, so that a rare class gets as many labels as a common one.</summary>
    StratifiedByClass,

    /// <summary>A prediction's probability in proportion to 1 − its confidence: the model's doubts are labelled first.</summary>
    LowConfidenceFirst,
}
