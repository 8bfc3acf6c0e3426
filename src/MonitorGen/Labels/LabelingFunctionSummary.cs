using System.Collections.Generic;

namespace MonitorGen.Labels;

/// <summary>
/// What one labeling function did on the observed rows, with Snorkel's <c>LFAnalysis</c> definitions: its polarity, the
/// share of rows it labelled (coverage), of rows it labelled that another function labelled too (overlaps), and of rows
/// it labelled on which the functions that labelled disagree (conflicts); and against the natural and hand labels that
/// arrived since, how often it was right.
/// </summary>
/// <param name="Name">The function's name, as it was added.</param>
/// <param name="Polarity">The classes it gave, in code order.</param>
/// <param name="Coverage">Rows it labelled ÷ rows.</param>
/// <param name="Overlaps">Rows it and another function labelled ÷ rows.</param>
/// <param name="Conflicts">Rows it labelled on which the labelling functions disagree ÷ rows.</param>
/// <param name="Correct">Its labels equal to the row's natural or hand label.</param>
/// <param name="Incorrect">Its labels that differ from it.</param>
/// <param name="EmpiricalAccuracy">Correct ÷ (correct + incorrect); 0 before any is judged, as Snorkel's <c>nan_to_num</c> gives.</param>
public sealed record LabelingFunctionSummary(
    string Name,
    IReadOnlyList<string> Polarity,
    double Coverage,
    double Overlaps,
    double Conflicts,
    long Correct,
    long Incorrect,
    double EmpiricalAccuracy);
