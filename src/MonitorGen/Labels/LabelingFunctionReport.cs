using System.Collections.Generic;

namespace MonitorGen.Labels;

/// <summary>
/// The labeling functions of a monitor (the generated <c>AddLabelingFunction</c>) over the rows they ran on, with
/// Snorkel's <c>LFAnalysis</c> definitions: the set's coverage, overlap and conflict, and each function's figures.
/// Their majority vote is the monitor's <see cref="LabelSource.Programmatic"/> label.
/// </summary>
/// <param name="Rows">The observed rows the functions ran on.</param>
/// <param name="Coverage">Rows that at least one function labelled ÷ rows.</param>
/// <param name="Overlap">Rows that at least two functions labelled ÷ rows.</param>
/// <param name="Conflict">Rows on which the labelling functions disagree ÷ rows.</param>
/// <param name="Skipped">Rows with a stored prediction that the functions did not run on, because more than 8,192 per
/// observation slot arrived between two runs (a run is every second, at each drift check and at each report).</param>
/// <param name="Functions">Each function, in the order they were added.</param>
public sealed record LabelingFunctionReport(
    long Rows,
    double Coverage,
    double Overlap,
    double Conflict,
    long Skipped,
    IReadOnlyList<LabelingFunctionSummary> Functions);
