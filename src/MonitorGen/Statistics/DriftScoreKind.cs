namespace MonitorGen.Statistics;

/// <summary>What the <see cref="DriftOutcome.Score"/> of a method means.</summary>
internal enum DriftScoreKind
{
    /// <summary>The score is a p-value: small values mean drift.</summary>
    PValue,
    /// <summary>The score is a distance: large values mean drift.</summary>
    Distance,
}
