using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using SeattleWeatherService.Replay;

namespace SeattleWeatherService.Commands;

/// <summary>
/// The quick start's main job: starts the service on a loopback port, replays real days through it over HTTP (first in
/// distribution, then winter) with their labels arriving later, prints a table row per window, and stops. Needs no other
/// server: the labels wait in the service's memory.
/// </summary>
internal static class DemoCommand
{
    public static async Task<int> RunAsync(string urls, int windowSize, int inDistributionWindows, CancellationToken cancellationToken)
    {
        List<WeatherDay> days = WeatherCsv.ReadEmbedded(Console.Error);

        ReplayPlan plan = ReplayPlan.Create(days, windowSize, inDistributionWindows);
        // The management endpoints need a key; the demo makes one for its own replayer.
        string apiKey = ApiKeyAuthentication.NewKey();
        // The service runs on the replay's calendar, a day per replayed day: label delays and the horizon are in days.
        var clock = new SimulatedClock(new DateTimeOffset(2014, 1, 1, 12, 0, 0, TimeSpan.Zero));
        await using WebApplication app = WeatherService.Build(["--urls", urls, $"--{ApiKeyAuthentication.ConfigurationKey}={apiKey}"], builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(clock);
            // The replayer closes every window itself, so that each table row is exactly one window.
            builder.Services.AddMonitorGen(options => options.EnableBackgroundChecks = false);
            // The table is the output: only errors are logged.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Error",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
            });
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

        Console.WriteLine($"seattle-weather model served at {address} (ONNX Runtime), monitored by MonitorGen.");
        Console.WriteLine($"Reference profiles: the {plan.Training.Count} training days of 2012-{ReplayPlan.LastTrainingYear}. Replaying {plan.Windows.Count} windows of {windowSize} days from 2014-2015:");
        Console.WriteLine();
        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, apiKey);
        var replayer = new TrafficReplayer(client, Console.Out, clock);
        IReadOnlyList<WindowResult> results = await replayer.RunAsync(plan.Windows, cancellationToken).ConfigureAwait(false);
        ServicePerformance performance = await replayer.ReadPerformanceAsync(cancellationToken).ConfigureAwait(false);

        Console.WriteLine();
        // The service keeps the latest windows; the replay's are the last of them, in order.
        IReadOnlyList<double> final = performance.WindowAccuracy.TakeLast(results.Count).ToList();
        foreach (var segment in results.Select((r, i) => (Result: r, Accuracy: final[i])).GroupBy(w => w.Result.Segment))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{segment.Key}: {segment.Count(w => w.Result.Drifted)} of {segment.Count()} windows drifted, accuracy {segment.Average(w => w.Accuracy):P0} (all labels in)."));
        }

        LabelTally labels = replayer.Labels;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Natural labels: {performance.Labels} joined to their day's window, {labels.Late} late (after the 14-day horizon), {labels.NeverSent} never sent; accuracy {performance.Accuracy:P1}."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Programmatic labeler ({RainRule.Description}): coverage {performance.ProgrammaticCoverage:P0}, accuracy {performance.ProgrammaticAccuracy:P0} against {performance.ProgrammaticJudged} natural labels."));

        using (HttpResponseMessage queue = await client.GetAsync(ServiceRoutes.LabelRequests, cancellationToken).ConfigureAwait(false))
        {
            using JsonDocument requests = JsonDocument.Parse(await queue.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            JsonElement[] waiting = [.. requests.RootElement.GetProperty("requests").EnumerateArray()];
            string doubts = string.Join(", ", waiting.OrderBy(r => r.GetProperty("confidence").GetDouble()).Take(3)
                .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.GetProperty("predicted").GetString()} at {r.GetProperty("confidence").GetDouble():F2}")));
            Console.WriteLine($"Hand-label queue (5 a month, doubts first; GET {ServiceRoutes.LabelRequests}, also as Label Studio tasks): {waiting.Length} waiting, the least sure {doubts}.");
        }

        foreach (string path in new[] { "/health/ready", "/health/drift" })
        {
            using HttpResponseMessage response = await client.GetAsync(path, cancellationToken).ConfigureAwait(false);
            using JsonDocument health = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            Console.WriteLine($"GET {path} -> {(int)response.StatusCode} {health.RootElement.GetProperty("status").GetString()}");
        }

        Console.WriteLine("acc: the service's accuracy of the window from the labels in when it closed (GET /monitoring/performance); labels: their share; conf: the confidence KPI; dq: rows with a data-quality event.");
        Console.WriteLine("Serve it yourself with `serve --urls http://127.0.0.1:5080 --SeattleWeather:ApiKey=KEY`, then scrape /metrics or replay with `replay --target URL --SeattleWeather:ApiKey=KEY`.");
        await app.StopAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
