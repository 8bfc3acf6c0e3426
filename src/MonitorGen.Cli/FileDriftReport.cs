using System.Collections.Generic;

namespace MonitorGen.Cli;

/// <summary>
/// A drift check of two CSV files: the core's <see cref="DriftReport"/> (its features, corrections and dataset-drift rule are
/// the monitor's), with what only a pair of files has.
/// </summary>
/// <param name="ReferencePath">The reference file.</param>
/// <param name="CurrentPath">The current file.</param>
/// <param name="Report">The check, one feature per column; a feature's <see cref="FeatureDriftResult.Missing"/> counts the
/// current file's missing values.</param>
/// <param name="MissingReference">The reference file's missing values, per column in report order.</param>
/// <param name="NonFiniteReference">The reference file's non-finite values, per column in report order; a feature's
/// <see cref="FeatureDriftResult.NonFinite"/> counts the current file's.</param>
internal sealed record FileDriftReport(
    string ReferencePath, string CurrentPath, DriftReport Report, IReadOnlyList<long> MissingReference, IReadOnlyList<long> NonFiniteReference);
