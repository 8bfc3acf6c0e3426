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

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

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

    /// <summary>
    /// Starts a server on a free 127.0.0.1 port and waits until <c>http://127.0.0.1:{port}/{readinessPath}</c> answers 200.
    /// A free port can be taken between the probe and the bind, so it tries three ports before failing with every log.
    /// </summary>
    /// <param name="what">The server, for the failure message.</param>
    /// <param name="fileName">The program.</param>
    /// <param name="arguments">Its arguments for a port and an attempt number (a fresh data folder per attempt).</param>
    /// <param name="readinessPath">The path that answers 200 once the server is ready.</param>
    /// <param name="limit">How long each attempt may take to become ready.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <param name="workingDirectory">The working directory, or the test's.</param>
    public static async Task<(ServerProcess Process, Uri Address)> StartOnLoopbackAsync(string what, string fileName,
        Func<int, int, IEnumerable<string>> arguments, string readinessPath, TimeSpan limit, CancellationToken cancellationToken,
        string? workingDirectory = null)
    {
        (ServerProcess process, int port) = await StartOnLoopbackAsync(what, fileName, arguments,
            (process, port) => process.WaitReadyAsync(new Uri($"http://127.0.0.1:{port}/{readinessPath}"), limit, cancellationToken),
            limit, workingDirectory).ConfigureAwait(false);
        return (process, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>
    /// Starts a server on a free 127.0.0.1 port and waits until <paramref name="ready"/> says so (for a server that speaks
    /// no HTTP, as PostgreSQL), with the same three tries as the HTTP form.
    /// </summary>
    /// <param name="what">The server, for the failure message.</param>
    /// <param name="fileName">The program.</param>
    /// <param name="arguments">Its arguments for a port and an attempt number.</param>
    /// <param name="ready">Whether the process on the port became ready in time; false when it exited or did not.</param>
    /// <param name="limit">How long each attempt may take, for the failure message.</param>
    /// <param name="workingDirectory">The working directory, or the test's.</param>
    public static async Task<(ServerProcess Process, int Port)> StartOnLoopbackAsync(string what, string fileName,
        Func<int, int, IEnumerable<string>> arguments, Func<ServerProcess, int, Task<bool>> ready, TimeSpan limit,
        string? workingDirectory = null)
    {
        string failures = "";
        for (int attempt = 0; attempt < 3; attempt++)
        {
            int port = LoopbackPort.Free();
            ServerProcess process = Start(fileName, arguments(port, attempt), workingDirectory);
            if (await ready(process, port).ConfigureAwait(false))
            {
                return (process, port);
            }

            failures += $"attempt {attempt + 1} on port {port}:\n{process.Log}\n";
            await process.DisposeAsync().ConfigureAwait(false);
        }

        throw new InvalidOperationException($"{what} did not become ready within {limit}:\n{failures}");
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
