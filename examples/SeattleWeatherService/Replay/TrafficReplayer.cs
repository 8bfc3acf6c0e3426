using System.Net.Http.Json;
using System.Text.Json;
using MonitorGen;

namespace SeattleWeatherService.Replay;

/// <summary>
/// Streams replay windows to a running service over HTTP: one prediction request per day, then a drift check that closes
/// the window. Prints one table row per window, so that the drift is seen arriving.
/// </summary>
internal sealed class TrafficReplayer(HttpClient client, TextWriter output)
{
    /// <summary>Replays <paramref name="windows"/> in order, for example a <see cref="ReplayPlan"/>'s.</summary>
    /// <returns>The per-window results, in order.</returns>
    public async Task<IReadOnlyList<WindowResult>> RunAsync(IReadOnlyList<ReplayWindow> windows, CancellationToken cancellationToken)
    {
        var results = new List<WindowResult>(windows.Count);
        int totalRows = windows.Sum(w => w.Days.Count);
        int sentRows = 0;
        WindowTable.WriteHeader(output);
        for (int i = 0; i < windows.Count; i++)
        {
            WindowResult result = await ReplayWindowAsync(windows[i], cancellationToken).ConfigureAwait(false);
            sentRows += windows[i].Days.Count;
            results.Add(result);
            WindowTable.WriteRow(output, i + 1, windows.Count, sentRows, totalRows, result);
        }

        return results;
    }

    private async Task<WindowResult> ReplayWindowAsync(ReplayWindow window, CancellationToken cancellationToken)
    {
        int correct = 0, failed = 0;
        double confidence = 0;
        foreach (WeatherDay day in window.Days)
        {
            using HttpResponseMessage response = await client
                .PostAsJsonAsync(ServiceRoutes.Predict, day.Features, ServiceJsonContext.Default.WeatherFeatures, cancellationToken)
                .ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                failed++;
                continue;
            }

            WeatherForecast forecast = await response.Content
                .ReadFromJsonAsync(ServiceJsonContext.Default.WeatherForecast, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"{ServiceRoutes.Predict} answered an empty body.");
            correct += forecast.Weather == day.Weather ? 1 : 0;
            confidence += forecast.Confidence;
        }

        int answered = window.Days.Count - failed;
        IReadOnlyList<DriftReport> reports = await CheckDriftAsync(cancellationToken).ConfigureAwait(false);
        return new WindowResult(
            window.Segment,
            window.Days.Count,
            failed,
            answered == 0 ? double.NaN : (double)correct / answered,
            answered == 0 ? double.NaN : confidence / answered,
            reports);
    }

    private async Task<IReadOnlyList<DriftReport>> CheckDriftAsync(CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await client.PostAsync(ServiceRoutes.DriftCheck, content: null, cancellationToken).ConfigureAwait(false);
        // The service runs at most one manual check per interval, and says how long to wait.
        for (int attempt = 0; response.StatusCode == System.Net.HttpStatusCode.TooManyRequests && attempt < 10; attempt++)
        {
            TimeSpan wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            response = await client.PostAsync(ServiceRoutes.DriftCheck, content: null, cancellationToken).ConfigureAwait(false);
        }

        using HttpResponseMessage answered = response;
        answered.EnsureSuccessStatusCode();
        await using Stream body = await answered.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using JsonDocument document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        var reports = new List<DriftReport>();
        foreach (JsonElement model in document.RootElement.GetProperty("models").EnumerateArray())
        {
            if (model.TryGetProperty("report", out JsonElement report) && report.ValueKind == JsonValueKind.Object)
            {
                reports.Add(DriftReport.FromJson(report));
            }
        }

        return reports;
    }
}
