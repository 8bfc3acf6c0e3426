namespace MonitorGen.Labels;

/// <summary>A prediction waiting for its label: what the label is compared with, and when the prediction was made.</summary>
/// <param name="TimestampTicks">When it was observed (UTC ticks): its window is the one of this time, not the label's.</param>
/// <param name="Code">A classifier's predicted class code; 0 for a regressor.</param>
/// <param name="Value">A regressor's predicted value; the class code again for a classifier.</param>
/// <param name="Score">The declared score (of the predicted or the positive class), or NaN.</param>
internal readonly record struct PendingPrediction(long TimestampTicks, int Code, double Value, float Score);
