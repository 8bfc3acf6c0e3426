using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MonitorGen.Cli;

namespace MonitorGen.Cli.Tests;

/// <summary>The outcome of one run of <c>monitorgen</c>.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the command in-process through its System.CommandLine root, and writes test CSV files.</summary>
public static class CliRunner
{
    public static CliResult Run(params string[] args)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        int code = MonitorGenCommand.Invoke(args, new InvocationConfiguration { Output = stdout, Error = stderr });
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs through the root command directly (no wrapper), as System.CommandLine does.</summary>
    public static CliResult RunRoot(params string[] args)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        int code = MonitorGenCommand.CreateRootCommand().Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    public static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "monitorgen-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static string WriteFile(string dir, string name, string content)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}

/// <summary>The Seattle weather data split into summer (June–August) and winter (December–February) CSV files.</summary>
public static class Seattle
{
    private static readonly Lazy<(string Summer, string Winter, string All)> Files = new(Split);

    public static string SummerPath => Files.Value.Summer;

    public static string WinterPath => Files.Value.Winter;

    public static string AllPath => Files.Value.All;

    public static string[] Header => Lines()[0].Split(',');

    /// <summary>The raw rows (without header) of one season, for calling the statistics directly.</summary>
    public static string[][] Rows(bool summer) =>
        Lines().Skip(1).Select(l => l.Split(',')).Where(r => summer ? IsSummer(r[0]) : IsWinter(r[0])).ToArray();

    public static double[] Numbers(bool summer, string column)
    {
        int i = Array.IndexOf(Header, column);
        return Rows(summer).Select(r => double.Parse(r[i], CultureInfo.InvariantCulture)).ToArray();
    }

    public static string[] Lines() => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "seattle-weather.csv"));

    private static bool IsSummer(string date) => date.Substring(5, 2) is "06" or "07" or "08";

    private static bool IsWinter(string date) => date.Substring(5, 2) is "12" or "01" or "02";

    private static (string, string, string) Split()
    {
        string[] lines = Lines();
        string dir = CliRunner.TempDir();
        string header = lines[0];
        var summer = lines.Skip(1).Where(l => IsSummer(l.Split(',')[0]));
        var winter = lines.Skip(1).Where(l => IsWinter(l.Split(',')[0]));
        string s = CliRunner.WriteFile(dir, "summer.csv", header + "\n" + string.Join("\n", summer) + "\n");
        string w = CliRunner.WriteFile(dir, "winter.csv", header + "\r\n" + string.Join("\r\n", winter) + "\r\n");
        string a = Path.Combine(AppContext.BaseDirectory, "Data", "seattle-weather.csv");
        return (s, w, a);
    }
}
