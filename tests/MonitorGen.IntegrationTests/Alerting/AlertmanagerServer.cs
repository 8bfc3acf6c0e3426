using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MonitorGen.IntegrationTests.Alerting;

/// <summary>
/// A real Alertmanager (Debian's <c>prometheus-alertmanager</c>) on a free 127.0.0.1 port, its cluster port off, routing
/// every alert to one webhook at once (group wait and interval of a second), stopped and deleted on dispose. Skipped
/// without the binary; failed instead when MONITORGEN_REQUIRE_PROMETHEUS=1.
/// </summary>
internal sealed class AlertmanagerServer : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _log;

    private AlertmanagerServer(Process process, string directory, StringBuilder log, Uri address)
    {
        _process = process;
        _directory = directory;
        _log = log;
        Address = address;
    }

    public Uri Address { get; }

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

    public static string RequireBinary() =>
        InstalledBinary.Require("prometheus-alertmanager", "prometheus-alertmanager", Prometheus.PrometheusServer.RequireVariable);

    public static async Task<AlertmanagerServer> StartAsync(Uri webhook, CancellationToken cancellationToken)
    {
        string binary = RequireBinary();
        string directory = Directory.CreateTempSubdirectory("monitorgen-alertmanager-").FullName;
        string config = Path.Combine(directory, "alertmanager.yml");
        await File.WriteAllTextAsync(config, $"""
            route:
              receiver: test
              group_by: ['alertname', 'model', 'record', 'feature']
              group_wait: 1s
              group_interval: 1s
              repeat_interval: 1h
            receivers:
              - name: test
                webhook_configs:
                  - url: '{webhook}'
                    send_resolved: false
            """, cancellationToken);
        string failures = "";
        for (int attempt = 0; attempt < 3; attempt++)
        {
            int port = LoopbackPort.Free();
            var log = new StringBuilder();
            var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("--config.file=" + config);
            start.ArgumentList.Add($"--web.listen-address=127.0.0.1:{port}");
            // Empty: otherwise it opens a cluster port on every interface.
            start.ArgumentList.Add("--cluster.listen-address=");
            start.ArgumentList.Add("--storage.path=" + Path.Combine(directory, "data-" + attempt));
            start.ArgumentList.Add("--log.level=warn");
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
            var server = new AlertmanagerServer(process, directory, log, new Uri($"http://127.0.0.1:{port}/"));
            if (await server.WaitReadyAsync(cancellationToken))
            {
                return server;
            }

            failures += $"attempt {attempt + 1} on port {port}:\n{server.Log}\n";
            await server.StopAsync(deleteDirectory: false);
        }

        Directory.Delete(directory, recursive: true);
        throw new InvalidOperationException($"Alertmanager ({binary}) did not become ready within {StartLimit}:\n{failures}");
    }

    public ValueTask DisposeAsync() => StopAsync(deleteDirectory: true);

    private async ValueTask StopAsync(bool deleteDirectory)
    {
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
            if (deleteDirectory)
            {
                try
                {
                    Directory.Delete(_directory, recursive: true);
                }
                catch (IOException)
                {
                    // Best effort.
                }
            }
        }
    }

    private async Task<bool> WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartLimit && !_process.HasExited)
        {
            try
            {
                using HttpResponseMessage response = await client.GetAsync("-/ready", cancellationToken);
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
