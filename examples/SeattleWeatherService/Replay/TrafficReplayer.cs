using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MonitorGen;

namespace SeattleWeatherService.Replay;

/// <summary>
/// Streams replay windows to a running service over HTTP: one prediction request per day, that day's programmatic label
/// at once, each natural label (the weather that came) when <see cref="LabelSchedule"/> says it arrives, and a drift check
/// that closes each window. Prints one table row per window, with the accuracy the service measured from its labels.
/// </summary>
/// <param name="client">The service, with the management key.</param>
/// <param name="output">Where the table goes.</param>
/// <param name="clock">The service's simulated calendar, moved a day per replayed day; null for a service on real time,
/// where no label is late.</param>
internal sealed class TrafficReplayer(HttpClient client, TextWriter output, SimulatedClock? clock = null)
{
    private readonly LabelSchedule _schedule = new();
    private readonly PriorityQueue<(string Id, Weather Weather), int> _due = new();
    private readonly List<string> _batch = [];
    private int _day;

    /// <summary>What became of the labels sent so far.</summary>
    public LabelTally Labels { get; } = new();

    /// <summary>Replays <paramref name="windows"/> in order, for example a <see cref="ReplayPlan"/>'s, then sends the
    /// labels still to come (moving the calendar on to them).</summary>
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

        while (_due.TryPeek(out _, out int arrival))
        {
            await AdvanceAsync(arrival - _day, cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    /// <summary>The service's realized performance of the forecasts, from <c>GET /monitoring/performance</c>.</summary>
    public async Task<ServicePerformance> ReadPerformanceAsync(CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await client.GetAsync(ServiceRoutes.Performance, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        JsonElement natural = Forecasts(document, "natural") ?? throw new InvalidOperationException($"{ServiceRoutes.Performance} has no natural labels of WeatherForecast.");
        JsonElement? programmatic = Forecasts(document, "programmatic");
        JsonElement cumulative = natural.GetProperty("cumulative");
        double[] closed = [.. natural.GetProperty("windows").EnumerateArray()
            .Where(w => w.GetProperty("closedAt").ValueKind != JsonValueKind.Null)
            .Select(w => Number(w, "accuracy"))];
        return new ServicePerformance(
            closed,
            Number(cumulative, "accuracy"),
            cumulative.GetProperty("count").GetInt64(),
            programmatic is { } p ? Number(p.GetProperty("cumulative"), "completeness") : double.NaN,
            cumulative.TryGetProperty("programmaticLabelAccuracy", out JsonElement lf) && lf.ValueKind == JsonValueKind.Number ? lf.GetDouble() : double.NaN,
            cumulative.TryGetProperty("programmaticLabelsJudged", out JsonElement judged) ? judged.GetInt64() : 0);
    }

    private async Task<WindowResult> ReplayWindowAsync(ReplayWindow window, CancellationToken cancellationToken)
    {
        int failed = 0;
        double confidence = 0;
        foreach (WeatherDay day in window.Days)
        {
            using HttpResponseMessage response = await client
                .PostAsJsonAsync(ServiceRoutes.Predict, day.Features, ServiceJsonContext.Default.WeatherFeatures, cancellationToken)
                .ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                failed++;
            }
            else
            {
                ForecastResponse forecast = await response.Content
                    .ReadFromJsonAsync(ServiceJsonContext.Default.ForecastResponse, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"{ServiceRoutes.Predict} answered an empty body.");
                confidence += forecast.Confidence;
                Schedule(forecast.PredictionId, day);
            }

            await AdvanceAsync(1, cancellationToken).ConfigureAwait(false);
        }

        int answered = window.Days.Count - failed;
        IReadOnlyList<DriftReport> reports = await CheckDriftAsync(cancellationToken).ConfigureAwait(false);
        (double accuracy, double completeness) = await LatestWindowAsync(cancellationToken).ConfigureAwait(false);
        return new WindowResult(window.Segment, window.Days.Count, failed, accuracy, completeness, answered == 0 ? double.NaN : confidence / answered, reports);
    }

    private void Schedule(string? predictionId, WeatherDay day)
    {
        if (predictionId is null)
        {
            return;
        }

        if (RainRule.Label(day.Features) is { } vote)
        {
            _batch.Add(Item(predictionId, vote, "programmatic"));
            Labels.Programmatic++;
        }

        if (_schedule.ArrivalDay(_day) is { } arrival)
        {
            _due.Enqueue((predictionId, day.Weather), arrival);
        }
        else
        {
            Labels.NeverSent++;
        }
    }

    // Moves the calendar on by `days`, sending each day's labels as they come due.
    private async Task AdvanceAsync(int days, CancellationToken cancellationToken)
    {
        for (int i = 0; i < days; i++)
        {
            _day++;
            clock?.Advance(TimeSpan.FromDays(1));
            while (_due.TryPeek(out _, out int arrival) && arrival <= _day)
            {
                (string id, Weather weather) = _due.Dequeue();
                _batch.Add(Item(id, weather, "natural"));
                Labels.Natural++;
            }

            await SendBatchAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendBatchAsync(CancellationToken cancellationToken)
    {
        if (_batch.Count == 0)
        {
            return;
        }

        using var content = new StringContent("[" + string.Join(",", _batch) + "]", Encoding.UTF8, "application/json");
        _batch.Clear();
        using HttpResponseMessage response = await client.PostAsync(ServiceRoutes.Labels, content, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using JsonDocument answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        foreach (JsonElement rejected in answer.RootElement.GetProperty("rejected").EnumerateArray())
        {
            if (rejected.GetProperty("reason").GetString()?.Contains("horizon", StringComparison.Ordinal) == true)
            {
                Labels.Late++;
            }
            else
            {
                Labels.Refused++;
            }
        }
    }

    private static string Item(string predictionId, Weather weather, string source) =>
        $"{{\"predictionId\":\"{predictionId}\",\"label\":\"{weather}\",\"source\":\"{source}\"}}";

    // The accuracy and label completeness of the window just closed, as the service has measured them so far.
    private async Task<(double Accuracy, double Completeness)> LatestWindowAsync(CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await client.GetAsync(ServiceRoutes.Performance, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        JsonElement? latest = Forecasts(document, "natural")?.GetProperty("windows").EnumerateArray()
            .LastOrDefault(w => w.GetProperty("closedAt").ValueKind != JsonValueKind.Null);
        return latest is { ValueKind: JsonValueKind.Object } window ? (Number(window, "accuracy"), Number(window, "completeness")) : (double.NaN, double.NaN);
    }

    private static JsonElement? Forecasts(JsonDocument performance, string source)
    {
        foreach (JsonElement model in performance.RootElement.GetProperty("models").EnumerateArray())
        {
            if (model.GetProperty("record").GetString() == nameof(WeatherForecast) && model.GetProperty("source").GetString() == source)
            {
                return model;
            }
        }

        return null;
    }

    private static double Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.NaN;

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
