namespace SeattleWeatherService.Replay;

/// <summary>
/// Which days train the model and its reference profile, and which are replayed as traffic: first days from the same
/// years-long mixture (in distribution), then winter days only (shifted).
/// </summary>
internal sealed class ReplayPlan
{
    /// <summary>The segment of the windows drawn from the serving years' whole mixture.</summary>
    public const string InDistribution = "in distribution";

    /// <summary>The segment of the winter windows.</summary>
    public const string Shifted = "shifted: winter";

    /// <summary>The last year whose days train the model and fit the reference profile.</summary>
    public const int LastTrainingYear = 2013;

    private ReplayPlan(IReadOnlyList<WeatherDay> training, IReadOnlyList<ReplayWindow> windows)
    {
        Training = training;
        Windows = windows;
    }

    /// <summary>2012–2013: the days the model and the reference profile were fitted on.</summary>
    public IReadOnlyList<WeatherDay> Training { get; }

    /// <summary>The windows to replay, in order.</summary>
    public IReadOnlyList<ReplayWindow> Windows { get; }

    /// <summary>Builds the plan from all days.</summary>
    /// <param name="days">Every day of the data set.</param>
    /// <param name="windowSize">Rows per window.</param>
    /// <param name="inDistributionWindows">How many in-distribution windows precede the shifted ones.</param>
    public static ReplayPlan Create(IReadOnlyList<WeatherDay> days, int windowSize, int inDistributionWindows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(inDistributionWindows);
        IReadOnlyList<WeatherDay> training = TrainingDays(days);
        var serving = days.Where(d => d.Date.Year > LastTrainingYear).OrderBy(d => d.Date).ToList();

        // Shuffled with a fixed seed, so that each in-distribution window mixes the seasons as the training years do.
        var shuffle = new Random(2015);
        IEnumerable<ReplayWindow> inDistribution = serving
            .OrderBy(_ => shuffle.Next())
            .Chunk(windowSize)
            .Where(chunk => chunk.Length == windowSize)
            .Take(inDistributionWindows)
            .Select(chunk => new ReplayWindow(InDistribution, chunk));
        IEnumerable<ReplayWindow> shifted = serving
            .Where(d => d.IsWinter)
            .Chunk(windowSize)
            .Select(chunk => new ReplayWindow(Shifted, chunk));
        return new ReplayPlan(training, inDistribution.Concat(shifted).ToList());
    }

    /// <summary>2012 to <see cref="LastTrainingYear"/>, in date order.</summary>
    public static IReadOnlyList<WeatherDay> TrainingDays(IEnumerable<WeatherDay> days) =>
        days.Where(d => d.Date.Year <= LastTrainingYear).OrderBy(d => d.Date).ToList();
}
