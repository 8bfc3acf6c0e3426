using MonitorGen;

namespace SeattleWeatherService.Replay;

/// <summary>What one replayed window showed: the service's realized accuracy so far, and the drift checks.</summary>
/// <param name="Segment">In distribution or shifted.</param>
/// <param name="Rows">Requests sent.</param>
/// <param name="FailedRequests">Requests that did not get a prediction.</param>
/// <param name="Accuracy">The window's accuracy by the service's <c>/monitoring/performance</c>, from the natural labels
/// that had arrived when the window closed (NaN when none had).</param>
/// <param name="LabelCompleteness">The share of the window's predictions with a natural label by then.</param>
/// <param name="MeanConfidence">The confidence KPI, averaged over the window.</param>
/// <param name="Reports">The drift report of each monitored record (features and prediction).</param>
internal sealed record WindowResult(
    string Segment,
    int Rows,
    int FailedRequests,
    double Accuracy,
    double LabelCompleteness,
    double MeanConfidence,
    IReadOnlyList<DriftReport> Reports)
{
    /// <summary>Whether any monitored record alarmed: the calibrated rule that health and the drift alert follow.</summary>
    public bool Drifted => Reports.Any(r => r.Alarm);
}
