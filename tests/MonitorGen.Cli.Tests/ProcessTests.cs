using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;

namespace MonitorGen.Cli.Tests;

/// <summary>Runs <c>dotnet MonitorGen.Cli.dll</c> as a real process.</summary>
public class ProcessTests
{
    private static string CliDll()
    {
        string beside = Path.Combine(AppContext.BaseDirectory, "MonitorGen.Cli.dll");
        if (File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json")))
        {
            return beside;
        }

        // tests/MonitorGen.Cli.Tests/bin/<Configuration>/net10.0/ → src/MonitorGen.Cli/bin/<Configuration>/net10.0/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string configuration = output.Parent!.Name;
        string repo = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(repo, "src", "MonitorGen.Cli", "bin", configuration, "net10.0", "MonitorGen.Cli.dll");
    }

    private static CliResult RunProcess(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliDll());
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout, stderr.Result);
    }

    [Fact]
    public void Real_process_writes_json_and_uses_the_exit_codes()
    {
        CliResult ok = RunProcess("drift", "--reference", Seattle.SummerPath, "--current", Seattle.WinterPath, "--format", "json");
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        JsonElement report = JsonDocument.Parse(ok.Stdout).RootElement;
        Assert.True(report.GetProperty("datasetDrift").GetBoolean());
        Assert.Equal(6, report.GetProperty("features").GetArrayLength());

        Assert.Equal(1, RunProcess("drift", "-r", Seattle.SummerPath, "-c", Seattle.WinterPath, "--fail-on-drift").ExitCode);

        CliResult bad = RunProcess("drift", "-r", Seattle.SummerPath, "-c", "/nonexistent/cur.csv");
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("monitorgen: /nonexistent/cur.csv: file not found", bad.Stderr.TrimEnd());
        Assert.Equal(string.Empty, bad.Stdout);
    }

    [Fact]
    public void Help_states_the_memory_of_the_methods()
    {
        CliResult help = RunProcess("drift", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("8 bytes per value", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("bounded", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("--fail-on-drift", help.Stdout, StringComparison.Ordinal);
    }
}
