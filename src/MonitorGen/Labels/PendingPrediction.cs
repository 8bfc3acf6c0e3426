namespace MonitorGen.Labels;

/// <summary>A prediction waiting for its labels: what a label is compared with, and when and in which window it was made.</summary>
/// <param name="TimestampTicks">When it was observed (UTC ticks, to the millisecond): the label horizon and the label delay count from here.</param>
/// <param name="Window">The window it was observed in: its label lands there, whenever it arrives.</param>
/// <param name="Code">A classifier's predicted class code; 0 for a regressor.</param>
/// <param name="Value">A regressor's predicted value; the class code again for a classifier.</param>
/// <param name="Score">The declared score (of the predicted or the positive class), or NaN.</param>
/// <param name="ProgrammaticCode">A classifier's programmatic label's class code once one has matched, else -1: a natural
/// label that follows measures the programmatic labels' own accuracy.</param>
internal readonly record struct PendingPrediction(long TimestampTicks, long Window, int Code, double Value, float Score, int ProgrammaticCode = -1);
