using SeattleWeatherService.Replay;

namespace SeattleWeatherService.Commands;

/// <summary>Replays the real days against a service that is already running (for example one started with <c>serve</c>).</summary>
internal static class ReplayCommand
{
    /// <param name="apiKey">The service's <c>SeattleWeather:ApiKey</c>, sent as <c>X-Api-Key</c> to its management endpoints.</param>
    public static async Task<int> RunAsync(Uri target, string? apiKey, int windowSize, int inDistributionWindows, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            Console.Error.WriteLine($"replay: the drift checks need the service's key: pass --{ApiKeyAuthentication.ConfigurationKey}=KEY.");
            return 2;
        }

        List<WeatherDay> days = WeatherCsv.ReadEmbedded(Console.Error);

        using var client = new HttpClient { BaseAddress = target };
        client.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, apiKey);
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
