using SeattleWeatherService.Replay;

namespace SeattleWeatherService.Commands;

/// <summary>Replays the real days against a service that is already running (for example one started with <c>serve</c>).</summary>
internal static class ReplayCommand
{
    public static async Task<int> RunAsync(Uri target, int windowSize, int inDistributionWindows, CancellationToken cancellationToken)
    {
        List<WeatherDay> days = WeatherCsv.ReadEmbedded(Console.Error);

        using var client = new HttpClient { BaseAddress = target };
        try
        {
            await new TrafficReplayer(client, Console.Out)
                .RunAsync(ReplayPlan.Create(days, windowSize, inDistributionWindows).Windows, cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (HttpRequestException ex)
        {
            Console.Error.WriteLine($"replay: {target}: {ex.Message}");
            return 1;
        }
    }
}
