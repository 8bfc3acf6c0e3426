using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace MonitorGen.IntegrationTests.Prometheus;

/// <summary>
/// A real Prometheus server (Debian's <c>prometheus</c>), started for a test on a free 127.0.0.1 port with a temporary
/// TSDB and a 1 s scrape of one target, queried with PromQL over its HTTP API, and stopped and deleted on dispose.
/// </summary>
/// <remarks>
/// Without the binary, <see cref="StartAsync"/> skips the test with the reason; with the environment variable
/// <see cref="RequireVariable"/> set to <c>1</c> (as CI does) it fails it instead. <see cref="BinaryVariable"/> points at
/// another binary.
/// </remarks>
public sealed class PrometheusServer : IAsyncDisposable
{
    /// <summary>Set to <c>1</c> to make a missing Prometheus fail the tests instead of skipping them.</summary>
    public const string RequireVariable = "MONITORGEN_REQUIRE_PROMETHEUS";

    /// <summary>The path of the Prometheus binary, when it is not <c>prometheus</c> on the PATH or <c>/usr/bin/prometheus</c>.</summary>
    public const string BinaryVariable = "MONITORGEN_PROMETHEUS";

    /// <summary>The job name of the scraped target, as in <c>up{job="monitorgen"}</c>.</summary>
    public const string Job = "monitorgen";

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DefaultWaitLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly ServerProcess _process;
    private readonly string _directory;
    private readonly HttpClient _client;

    private PrometheusServer(ServerProcess process, string directory, Uri address)
    {
        _process = process;
        _directory = directory;
        Address = address;
        _client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The server's address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Address { get; }

    /// <summary>What the server has written to stdout and stderr so far.</summary>
    public string Log => _process.Log;

    /// <summary>The Prometheus binary, or null when there is none.</summary>
    public static string? FindBinary() => InstalledBinary.Find("prometheus", BinaryVariable);

    /// <summary>The Prometheus binary; skips the calling test when there is none, or fails it when <see cref="RequireVariable"/> is 1.</summary>
    public static string RequireBinary() => InstalledBinary.Require("prometheus", "prometheus", RequireVariable, BinaryVariable);

    /// <summary>promtool, from the same Debian package; skips or fails as <see cref="RequireBinary"/>.</summary>
    public static string RequirePromtool() => InstalledBinary.Require("promtool", "prometheus", RequireVariable);

    /// <summary>
    /// Starts Prometheus scraping <paramref name="target"/> every second (job <see cref="Job"/>), and waits until it is ready
    /// to answer queries. The first sample of the target follows about a scrape later: use <see cref="WaitForAsync"/>.
    /// </summary>
    /// <param name="target">The service to scrape, for example <c>http://127.0.0.1:5000</c>.</param>
    /// <param name="metricsPath">The scrape path on the target.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public static Task<PrometheusServer> StartAsync(Uri target, string metricsPath = "/metrics", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        return StartAsync([target], metricsPath, ruleFile: null, alertmanager: null, cancellationToken);
    }

    /// <summary>
    /// Starts Prometheus scraping every one of <paramref name="targets"/> every second (job <see cref="Job"/>), evaluating
    /// <paramref name="ruleFile"/> every second and sending its alerts to <paramref name="alertmanager"/>, and waits until
    /// it is ready to answer queries.
    /// </summary>
    public static async Task<PrometheusServer> StartAsync(IReadOnlyList<Uri> targets, string metricsPath, string? ruleFile, Uri? alertmanager,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        string binary = RequireBinary();
        string directory = Path.Combine(Path.GetTempPath(), "monitorgen-prometheus-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string config = Path.Combine(directory, "prometheus.yml");
        string rules = ruleFile is null ? "" : $"""

            rule_files:
              - '{ruleFile}'
            """;
        string alerting = alertmanager is null ? "" : $"""

            alerting:
              alertmanagers:
                - static_configs:
                    - targets: ['{alertmanager.Authority}']
            """;
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: {Job}
                metrics_path: {metricsPath}
                static_configs:
                  - targets: [{string.Join(", ", targets.Select(t => $"'{t.Authority}'"))}]
            """ + rules + alerting, cancellationToken).ConfigureAwait(false);

        try
        {
            (ServerProcess process, Uri address) = await ServerProcess.StartOnLoopbackAsync($"Prometheus ({binary})", binary, (port, attempt) =>
            [
                "--config.file=" + config,
                // Never the default, which listens on every interface.
                $"--web.listen-address=127.0.0.1:{port}",
                "--storage.tsdb.path=" + Path.Combine(directory, "data-" + attempt),
                "--storage.tsdb.retention.time=1h",
                "--log.level=warn",
            ], "-/ready", StartLimit, cancellationToken).ConfigureAwait(false);
            return new PrometheusServer(process, directory, address);
        }
        catch
        {
            TempDirectory.Delete(directory);
            throw;
        }
    }

    /// <summary>Runs an instant query and returns its series (a scalar result is one series without labels).</summary>
    /// <exception cref="InvalidOperationException">Prometheus answered with an error (for example a PromQL syntax error).</exception>
    public async Task<IReadOnlyList<PrometheusSample>> QueryAsync(string promql, CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await _client.GetAsync("api/v1/query?query=" + Uri.EscapeDataString(promql), cancellationToken).ConfigureAwait(false);
        string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        using JsonDocument document = JsonDocument.Parse(body);
        JsonElement root = document.RootElement;
        if (root.GetProperty("status").GetString() != "success")
        {
            throw new InvalidOperationException($"Prometheus rejected '{promql}': {body}");
        }

        JsonElement data = root.GetProperty("data");
        JsonElement result = data.GetProperty("result");
        switch (data.GetProperty("resultType").GetString())
        {
            case "vector":
                return result.EnumerateArray().Select(series => new PrometheusSample(
                    series.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? ""),
                    ParseValue(series.GetProperty("value")))).ToArray();
            case "scalar":
                return [new PrometheusSample(new Dictionary<string, string>(), ParseValue(result))];
            default:
                throw new InvalidOperationException($"'{promql}' gave a {data.GetProperty("resultType").GetString()}; use an instant vector or scalar query.");
        }
    }

    /// <summary>Reads an API document, such as <c>api/v1/rules</c> or <c>api/v1/alerts</c>.</summary>
    public async Task<JsonDocument> GetApiAsync(string path, CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await _client.GetAsync(path, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>When the rule group <paramref name="group"/> was last evaluated, or null before its first evaluation.</summary>
    public async Task<DateTimeOffset?> LastEvaluationAsync(string group, CancellationToken cancellationToken = default)
    {
        using JsonDocument rules = await GetApiAsync("api/v1/rules", cancellationToken).ConfigureAwait(false);
        foreach (JsonElement g in rules.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray())
        {
            if (g.GetProperty("name").GetString() == group && g.GetProperty("lastEvaluation").GetDateTimeOffset() is { Year: > 2000 } last)
            {
                return last;
            }
        }

        return null;
    }

    /// <summary>
    /// Polls <paramref name="promql"/> until <paramref name="condition"/> holds for its result, and returns that result.
    /// Fails with the last result and the server's log after <paramref name="timeout"/> (default 60 s).
    /// </summary>
    public async Task<IReadOnlyList<PrometheusSample>> WaitForAsync(
        string promql, Func<IReadOnlyList<PrometheusSample>, bool> condition, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        TimeSpan limit = timeout ?? DefaultWaitLimit;
        var clock = Stopwatch.StartNew();
        IReadOnlyList<PrometheusSample> last = [];
        while (true)
        {
            last = await QueryAsync(promql, cancellationToken).ConfigureAwait(false);
            if (condition(last))
            {
                return last;
            }

            if (clock.Elapsed > limit)
            {
                string scrape = string.Join("\n", await QueryAsync($"up{{job=\"{Job}\"}}", cancellationToken).ConfigureAwait(false));
                throw new TimeoutException(
                    $"'{promql}' did not reach the expected value within {limit}. Last result: [{string.Join("; ", last)}]. up: [{scrape}].\nPrometheus log:\n{Log}");
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until <paramref name="promql"/> gives exactly one series and returns its value once <paramref name="condition"/> holds.</summary>
    public async Task<double> WaitForValueAsync(string promql, Func<double, bool> condition, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<PrometheusSample> result = await WaitForAsync(promql, r => r.Count == 1 && condition(r[0].Value), timeout, cancellationToken).ConfigureAwait(false);
        return result[0].Value;
    }

    /// <summary>Stops the server and deletes its configuration and TSDB.</summary>
    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _process.DisposeAsync().ConfigureAwait(false);
        TempDirectory.Delete(_directory);
    }

    private static double ParseValue(JsonElement pair) => pair[1].GetString() switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        string text => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        null => double.NaN,
    };
}
