using System;
using System.IO;
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
    private readonly ServerProcess _process;
    private readonly string _directory;

    private AlertmanagerServer(ServerProcess process, string directory, Uri address)
    {
        _process = process;
        _directory = directory;
        Address = address;
    }

    public Uri Address { get; }

    public string Log => _process.Log;

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
        try
        {
            (ServerProcess process, Uri address) = await ServerProcess.StartOnLoopbackAsync($"Alertmanager ({binary})", binary, (port, attempt) =>
            [
                "--config.file=" + config,
                $"--web.listen-address=127.0.0.1:{port}",
                // Empty: otherwise it opens a cluster port on every interface.
                "--cluster.listen-address=",
                "--storage.path=" + Path.Combine(directory, "data-" + attempt),
                "--log.level=warn",
            ], "-/ready", StartLimit, cancellationToken);
            return new AlertmanagerServer(process, directory, address);
        }
        catch
        {
            TempDirectory.Delete(directory);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        TempDirectory.Delete(_directory);
    }
}
