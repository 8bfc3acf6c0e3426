namespace MonitorGen.Benchmarks.DriftRace;

/// <summary>A univariate change detector fed one value at a time, as River's <c>drift</c> detectors are.</summary>
internal interface IStreamDetector
{
    /// <summary>Adds a value; true when the detector signals drift at it.</summary>
    bool Update(double value);
}
