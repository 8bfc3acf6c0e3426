using System.Collections.Generic;

namespace MonitorGen.Labels;

/// <summary>A monitor's labeling functions, as the untyped runtime sees them: run them, judge their votes, report them,
/// and stop their timer.</summary>
internal interface ILabelingFunctions : System.IDisposable
{
    /// <summary>Runs the functions on the rows observed since the last run, and records their majority votes.</summary>
    void Run();

    /// <summary>Judges the votes on the prediction <paramref name="predictionId"/> against its natural or hand label.</summary>
    void Judge(long predictionId, int gold);

    /// <summary>The functions' figures, with the classes' names.</summary>
    LabelingFunctionReport Report(IReadOnlyList<string> classes);
}
