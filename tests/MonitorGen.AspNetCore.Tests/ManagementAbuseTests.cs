using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using MonitorGen.Windows;

namespace MonitorGen.AspNetCore.Tests;

/// <summary>
/// The manual check endpoint under abuse, on a real Kestrel: a flood runs one check at a time, shared or refused within
/// the minimum interval, and starves nothing, a minimum interval is enforced, a manual check never shortens a window policy or erases sliding history,
/// and a one-row window reveals no value.
/// </summary>
public sealed class ManagementAbuseTests
{
    [Fact]
    public async Task Two_hundred_concurrent_checks_run_one_at_a_time_at_most_once_a_second_and_starve_nothing()
    {
        // The default minimum interval of one second.
        await using WeatherApp app = await WeatherApp.StartAsync(o => o.ManualCheckMinimumInterval = TimeSpan.FromSeconds(1));
        await app.PostAsync(SeattleWeather.SummerHeldOut.Take(40));
        MonitorRegistry registry = app.App.Services.GetRequiredService<MonitorRegistry>();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        Task<HttpStatusCode>[] flood = Enumerable.Range(0, 200).Select(async _ =>
        {
            using HttpResponseMessage response = await app.Client.PostAsync("/monitoring/drift/check", null, TestContext.Current.CancellationToken);
            return response.StatusCode;
        }).ToArray();
        // While the flood is in flight, probes and predictions still answer.
        using (HttpResponseMessage live = await app.Client.GetAsync("/health/live", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        await app.PostAsync(SeattleWeather.SummerHeldOut.Take(1));
        HttpStatusCode[] statuses = await Task.WhenAll(flood).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        clock.Stop();

        // Each request either ran or shared a check (200), or came inside the interval (429); checks never overlapped,
        // and there were at most as many as the interval allows over the flood.
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, s.ToString()));
        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Equal(1, registry.MostManualChecksAtOnce);
        Assert.InRange(registry.ManualChecksRun, 1, 1 + (long)Math.Ceiling(clock.Elapsed.TotalSeconds));
        Assert.Equal(41, app.Monitor.ObservedRows);
    }

    [Fact]
    public async Task Requests_that_arrive_while_a_check_runs_share_it()
    {
        using var clock = new GatedClock();
        await using WeatherApp app = await WeatherApp.StartAsync(monitorOptions: new MonitorOptions { TimeProvider = clock });
        MonitorRegistry registry = app.App.Services.GetRequiredService<MonitorRegistry>();
        await app.PostAsync(SeattleWeather.SummerHeldOut.Take(40));

        // The check stops at its first clock reading until the gate opens; twenty requests arrive meanwhile.
        clock.Close();
        Task<string>[] requests = Enumerable.Range(0, 20).Select(async _ =>
        {
            using HttpResponseMessage response = await app.Client.PostAsync("/monitoring/drift/check", null, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }).ToArray();
        Assert.True(clock.Waiting.Wait(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        await Task.Delay(500, TestContext.Current.CancellationToken);
        clock.Open();
        string[] bodies = await Task.WhenAll(requests).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(1, registry.ManualChecksRun);
        Assert.Single(bodies.Distinct());
        Assert.Contains("\"rows\":40", bodies[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_check_inside_the_minimum_interval_is_answered_429_with_retry_after()
    {
        await using WeatherApp app = await WeatherApp.StartAsync(o => o.ManualCheckMinimumInterval = TimeSpan.FromMinutes(5));

        using (HttpResponseMessage first = await app.Client.PostAsync("/monitoring/drift/check", null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using HttpResponseMessage second = await app.Client.PostAsync("/monitoring/drift/check", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.InRange(second.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 300);
        using JsonDocument body = await WeatherApp.ReadJsonAsync(second);
        Assert.Contains("minimum interval", body.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manual_checks_never_close_a_sliding_window_before_its_policy_nor_push_history_out_of_the_ring()
    {
        var options = new MonitorOptions { Window = WindowPolicy.Sliding(WindowPolicy.TumblingCount(50), 3), MinimumWindowSize = 30 };
        await using WeatherApp app = await WeatherApp.StartAsync(o => o.EnableBackgroundChecks = false, monitorOptions: options);
        var rows = SeattleWeather.SummerHeldOut.Take(150).ToArray();
        await app.PostAsync(rows.Take(50));
        using (await app.CheckAsync())
        {
        }

        DriftReport? first = app.Monitor.LastReport;
        Assert.NotNull(first);
        Assert.Equal(50, first!.Rows);

        // Twenty more requests with a few rows each: nothing is due, so no sub-window closes.
        for (int i = 0; i < 20; i++)
        {
            await app.PostAsync(rows.Skip(50 + i).Take(1));
            using JsonDocument answer = await app.CheckAsync();
        }

        Assert.Same(first, app.Monitor.LastReport);
        await app.PostAsync(rows.Skip(70).Take(80));
        using (await app.CheckAsync())
        {
        }

        // The second sub-window closed at its policy's size, and the ring still holds the first.
        Assert.Equal(150, app.Monitor.LastReport!.Rows);
    }

    [Fact]
    public async Task Check_one_request_check_again_reveals_no_value_of_it()
    {
        await using WeatherApp app = await WeatherApp.StartAsync();
        using (await app.CheckAsync())
        {
        }

        WeatherObservation secret = SeattleWeather.Summer[0] with { TempMax = 33.3, TempMin = 11.1 };
        await app.PostAsync(new[] { secret });
        using JsonDocument report = await app.CheckAsync();
        string json = report.RootElement.GetRawText();

        Assert.DoesNotContain("33.3", json, StringComparison.Ordinal);
        Assert.DoesNotContain("11.1", json, StringComparison.Ordinal);
        using JsonDocument drift = await app.GetDriftAsync();
        Assert.DoesNotContain("33.3", drift.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    // A clock that, once closed, holds the first caller until opened: it makes a running check last as long as a test needs.
    private sealed class GatedClock : TimeProvider, IDisposable
    {
        private readonly System.Threading.ManualResetEventSlim _open = new(initialState: true);

        public System.Threading.ManualResetEventSlim Waiting { get; } = new();

        public void Close() => _open.Reset();

        public void Open() => _open.Set();

        public override DateTimeOffset GetUtcNow()
        {
            if (!_open.IsSet)
            {
                Waiting.Set();
                _open.Wait(TimeSpan.FromSeconds(60));
            }

            return base.GetUtcNow();
        }

        public void Dispose()
        {
            _open.Set();
            _open.Dispose();
            Waiting.Dispose();
        }
    }
}
