using System;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;

namespace MonitorGen.IntegrationTests;

/// <summary>Runs the dotnet CLI, or a program it built, and captures its output.</summary>
internal static class ProcessRunner
{
    public static Task<(int ExitCode, string Output)> DotnetAsync(string workingDirectory, params string[] arguments) =>
        RunAsync("dotnet", workingDirectory, arguments);

    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Keep the child away from the test host's MSBuild node reuse and telemetry.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = new StringBuilder();
        Task readOut = process.StandardOutput.ReadToEndAsync().ContinueWith(t => { lock (output) { output.Append(t.Result); } }, TaskScheduler.Default);
        Task readErr = process.StandardError.ReadToEndAsync().ContinueWith(t => { lock (output) { output.Append(t.Result); } }, TaskScheduler.Default);
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        await Task.WhenAll(readOut, readErr);
        return (process.ExitCode, $"> {fileName} {string.Join(' ', arguments)}\n{output}");
    }
}
