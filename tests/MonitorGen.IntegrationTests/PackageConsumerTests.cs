using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;

namespace MonitorGen.IntegrationTests;

/// <summary>
/// Packs MonitorGen into a temporary folder feed, then builds and runs a separate consumer project that takes it by
/// PackageReference, as a user would.
/// </summary>
public sealed class PackageConsumerTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private const string ConsumerProgram = """
        using MonitorGen;

        var training = Enumerable.Range(0, 200).Select(i => new Reading { Temperature = 20 + (i % 10), Sensor = i % 2 == 0 ? Sensor.A : Sensor.B });
        ReferenceProfile profile = Reading.FitProfile(training);
        using var monitor = Reading.CreateMonitor(profile);
        for (int i = 0; i < 200; i++)
        {
            monitor.Observe(new Reading { Temperature = 40 + (i % 10), Sensor = Sensor.A });
        }

        DriftReport report = monitor.CheckDrift();
        Console.WriteLine($"consumer: rows={report.Rows} drifted={string.Join(",", report.Features.Where(f => f.Drifted).Select(f => f.Feature))}");
        return report.DatasetDrift ? 0 : 1;

        public enum Sensor { A, B }

        [Monitor("consumer-model", Version = "1")]
        public partial record Reading
        {
            [DriftTest] public double Temperature { get; init; }
            [DriftTest] public Sensor Sensor { get; init; }
            public string? Comment { get; init; }
        }
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "monitorgen-pack-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_packed_package_works_in_a_separate_consumer_project()
    {
        string repository = Repository.Root();
        string feed = Path.Combine(_root, "feed");
        string consumer = Path.Combine(_root, "consumer");
        Directory.CreateDirectory(consumer);
        // A version of its own, so that no copy in the global packages folder stands in for this build.
        string version = $"0.1.0-it.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

        var pack = await ProcessRunner.DotnetAsync(repository, "pack", "src/MonitorGen/MonitorGen.csproj", "-c", Configuration, "--no-build", "-o", feed, $"-p:Version={version}");
        Assert.True(pack.ExitCode == 0, pack.Output);

        string package = Path.Combine(feed, $"MonitorGen.{version}.nupkg");
        using (ZipArchive archive = ZipFile.OpenRead(package))
        {
            string[] entries = archive.Entries.Select(e => e.FullName).ToArray();
            Assert.Contains("lib/net10.0/MonitorGen.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/MonitorGen.Generators.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/MonitorGen.Analyzers.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/MonitorGen.CodeFixes.dll", entries);
            Assert.Contains("buildTransitive/MonitorGen.props", entries);
            Assert.Contains("buildTransitive/MonitorGen.targets", entries);
        }

        var packAspNetCore = await ProcessRunner.DotnetAsync(repository, "pack", "src/MonitorGen.AspNetCore/MonitorGen.AspNetCore.csproj", "-c", Configuration, "--no-build", "-o", feed, $"-p:Version={version}");
        Assert.True(packAspNetCore.ExitCode == 0, packAspNetCore.Output);
        using (ZipArchive archive = ZipFile.OpenRead(Path.Combine(feed, $"MonitorGen.AspNetCore.{version}.nupkg")))
        {
            Assert.Contains("lib/net10.0/MonitorGen.AspNetCore.dll", archive.Entries.Select(e => e.FullName));
            using var nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            Assert.Contains($"<dependency id=\"MonitorGen\" version=\"{version}\"", nuspec.ReadToEnd(), StringComparison.Ordinal);
        }

        ConsumerProject.Isolate(consumer, feed);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MonitorGen" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), ConsumerProgram);

        // Schema files by the package's conventions (docs/diagnostics/schema-files.md): a profile fitted before 'Sensor'
        // was added (MG0009), and an ONNX model whose inputs are other features (MG0010), found without any configuration.
        File.WriteAllText(Path.Combine(consumer, "reading.monitorprofile.json"), """
            { "formatVersion": 1, "modelName": "consumer-model", "typeName": "Reading", "schemaHash": "0000000000000000",
              "features": [ { "name": "Temperature", "kind": "Numerical" } ] }
            """);
        Directory.CreateDirectory(Path.Combine(consumer, "models"));
        File.Copy(Path.Combine(repository, "tests", "MonitorGen.Analyzers.Tests", "Fixtures", "churn.onnx"), Path.Combine(consumer, "models", "consumer-model.onnx"));

        var build = await ProcessRunner.DotnetAsync(consumer, "build", "-c", "Release");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("warning MG0001", build.Output, StringComparison.Ordinal);
        Assert.Contains("'Comment'", build.Output, StringComparison.Ordinal);
        Assert.Contains("warning MG0009: Reference profile 'reading.monitorprofile.json' does not match 'Reading': feature 'Sensor' is not in the profile", build.Output, StringComparison.Ordinal);
        Assert.Contains("warning MG0010: ONNX model 'consumer-model.onnx' does not match input record 'Reading': input 'age' has no property", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS2015", build.Output, StringComparison.Ordinal);
        string generated = Path.Combine(consumer, "obj", "Release", "net10.0", "generated", "MonitorGen.Generators", "MonitorGen.Generators.MonitorGenerator", "Reading.Monitor.g.cs");
        Assert.True(File.Exists(generated), $"No generated file at {generated}\n{build.Output}");

        var run = await ProcessRunner.DotnetAsync(consumer, "run", "-c", "Release", "--no-build");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("consumer: rows=200 drifted=Temperature", run.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a locked file in a temp folder is not worth failing a test for.
        }
    }
}
