using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SeattleWeatherService;

namespace MonitorGen.IntegrationTests.ExampleService;

/// <summary>
/// The example service as a process of its own (<c>SeattleWeatherService serve</c>) on a free 127.0.0.1 port, as one
/// replica of a fleet: each process has its own monitors and its own <c>/metrics</c>. Windows close only on request.
/// </summary>
internal sealed class ExampleReplica : IAsyncDisposable
{
    public const string ApiKey = "replica-operator-key";
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _log;

    private ExampleReplica(Process process, StringBuilder log, Uri address)
    {
        _process = process;
        _log = log;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts a replica and waits until <c>/health/ready</c> answers 200.</summary>
    public static async Task<ExampleReplica> StartAsync(CancellationToken cancellationToken)
    {
        string failures = "";
        for (int attempt = 0; attempt < 3; attempt++)
        {
            int port = LoopbackPort.Free();
            var log = new StringBuilder();
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            foreach (string argument in new[]
            {
                Path.Combine(AppContext.BaseDirectory, "SeattleWeatherService.dll"), "serve", "--urls", $"http://127.0.0.1:{port}",
                $"--SeattleWeather:ApiKey={ApiKey}", "--MonitorGen:EnableBackgroundChecks=false", "--MonitorGen:ManualCheckMinimumInterval=00:00:00",
                "--Logging:LogLevel:Default=Warning",
            })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            var process = new Process { StartInfo = start };
            DataReceivedEventHandler append = (_, e) =>
            {
                if (e.Data is not null)
                {
                    lock (log)
                    {
                        log.AppendLine(e.Data);
                    }
                }
            };
            process.OutputDataReceived += append;
            process.ErrorDataReceived += append;
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var replica = new ExampleReplica(process, log, new Uri($"http://127.0.0.1:{port}/"));
            if (await replica.WaitReadyAsync(cancellationToken))
            {
                return replica;
            }

            failures += $"attempt {attempt + 1} on port {port}:\n{replica.Log}\n";
            await replica.DisposeAsync();
        }

        throw new InvalidOperationException($"The example service did not become ready within {StartLimit}:\n{failures}");
    }

    /// <summary>Posts each row to <c>/predict</c>.</summary>
    public async Task PredictAsync(IEnumerable<WeatherFeatures> rows, CancellationToken cancellationToken)
    {
        foreach (WeatherFeatures row in rows)
        {
            using HttpResponseMessage response = await Client.PostAsJsonAsync(ServiceRoutes.Predict.TrimStart('/'), row, ServiceJsonContext.Default.WeatherFeatures, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Closes the windows (<c>POST /monitoring/drift/check</c>) and returns the response.</summary>
    public async Task<JsonDocument> CheckAsync(CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await Client.PostAsync("monitoring/drift/check", content: null, cancellationToken);
        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task<bool> WaitReadyAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartLimit && !_process.HasExited)
        {
            try
            {
                using HttpResponseMessage response = await Client.GetAsync("health/ready", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        return false;
    }
}
