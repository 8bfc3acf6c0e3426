using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MonitorGen.Cli;

namespace MonitorGen.IntegrationTests;

/// <summary>The native build of <c>monitorgen</c> (-p:MonitorGenNative=true) writes the bytes the .NET tool writes.</summary>
public sealed class NativeCliTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("monitorgen-native-cli-").FullName;

    [Fact]
    public async Task The_native_tool_writes_the_same_json_and_html_as_the_dotnet_tool()
    {
        string repository = Repository.Root();
        string output = Path.Combine(_root, "native");
        var publish = await ProcessRunner.DotnetAsync(repository, "publish", "src/MonitorGen.Cli/MonitorGen.Cli.csproj", "-c", "Release", "-r", "linux-x64",
            "-p:MonitorGenNative=true", "-o", output);
        Assert.True(publish.ExitCode == 0, publish.Output);
        string[] warnings = publish.Output.Split('\n').Where(line => line.Contains("warning IL", StringComparison.Ordinal)).ToArray();
        Assert.True(warnings.Length == 0, string.Join("\n", warnings));
        string tool = Path.Combine(output, "MonitorGen.Cli");
        Assert.False(File.Exists(Path.Combine(output, "MonitorGen.Cli.dll")), "the publish produced IL, not a native executable");

        // Real data: 2012-2013 against 2014-2015, every column (the date is an identifier: new in every row).
        string[] lines = File.ReadAllLines(Path.Combine(repository, "data", "seattle-weather.csv"));
        string reference = Path.Combine(_root, "reference.csv");
        string current = Path.Combine(_root, "current.csv");
        File.WriteAllLines(reference, lines.Take(1).Concat(lines.Skip(1).Where(l => string.CompareOrdinal(l, "2014") < 0)));
        File.WriteAllLines(current, lines.Take(1).Concat(lines.Skip(1).Where(l => string.CompareOrdinal(l, "2014") >= 0)));
        foreach (string[] command in new[]
        {
            new[] { "drift", "-r", reference, "-c", current, "-f", "json", "-o" },
            new[] { "report", "-r", reference, "-c", current, "-o" },
        })
        {
            string fromNative = Path.Combine(_root, command[0] + ".native");
            string fromDotnet = Path.Combine(_root, command[0] + ".dotnet");
            var native = await ProcessRunner.RunAsync(tool, _root, [.. command, fromNative]);
            Assert.True(native.ExitCode == 0, native.Output);
            Assert.Equal(MonitorGenCommand.Success, MonitorGenCommand.Invoke([.. command, fromDotnet]));
            Assert.Equal(File.ReadAllBytes(fromDotnet), File.ReadAllBytes(fromNative));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort, as in PackageConsumerTests.
        }
    }
}
