namespace SeattleWeatherService.Replay;

/// <summary>The forecasts' realized performance as the service reports it at the end of a replay.</summary>
/// <param name="WindowAccuracy">The natural-label accuracy of each closed window the service keeps, oldest first.</param>
/// <param name="Accuracy">The accuracy over every natural label.</param>
/// <param name="Labels">The natural labels matched.</param>
/// <param name="ProgrammaticCoverage">The share of predictions the programmatic labeler labelled.</param>
/// <param name="ProgrammaticAccuracy">The share of its labels that the natural labels confirmed.</param>
/// <param name="ProgrammaticJudged">How many of its labels a natural label judged.</param>
internal sealed record ServicePerformance(
    IReadOnlyList<double> WindowAccuracy,
    double Accuracy,
    long Labels,
    double ProgrammaticCoverage,
    double ProgrammaticAccuracy,
    long ProgrammaticJudged);
