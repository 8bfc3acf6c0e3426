using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MonitorGen.IntegrationTests;

/// <summary>
/// A server a test runs as a process of its own (Prometheus, Alertmanager, a replica of the example service): its output
/// kept for failure messages, a readiness poll, and a kill of the whole process tree on dispose.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ServerProcess(Process process) => _process = process;

    /// <summary>What the process has written to stdout and stderr so far.</summary>
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

    public static ServerProcess Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var server = new ServerProcess(new Process { StartInfo = start });
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (server._log)
                {
                    server._log.AppendLine(e.Data);
                }
            }
        };
        server._process.OutputDataReceived += append;
        server._process.ErrorDataReceived += append;
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Polls <paramref name="readiness"/> until it answers 200; false when the process exits or
    /// <paramref name="limit"/> passes first.</summary>
    public async Task<bool> WaitReadyAsync(Uri readiness, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit && !_process.HasExited)
        {
            try
            {
                using HttpResponseMessage response = await client.GetAsync(readiness, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // It was never started, or has already gone.
        }
        finally
        {
            _process.Dispose();
        }
    }
}
