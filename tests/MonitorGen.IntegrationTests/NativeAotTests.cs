using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace MonitorGen.IntegrationTests;

/// <summary>
/// Publishes a consumer of the packed MonitorGen.OnnxRuntime with Native AOT and checks that its predictions and drift
/// report equal those of the same program under the JIT: the generated ONNX mapping and binding need no reflection.
/// </summary>
public sealed class NativeAotTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private const string ConsumerProgram = """
        using System.Globalization;
        using MonitorGen;
        using MonitorGen.OnnxRuntime;

        string model = args[0];
        var days = Enumerable.Range(0, 40).Select(i => new Reading
        {
            Precipitation = (i % 7) * 2.5f,
            TempMax = 5 + (i % 25),
            TempMin = (i % 13) - 2,
            Wind = 1 + (i % 6) * 0.7f,
        }).ToArray();
        ReferenceProfile inputs = Reading.FitProfile(days);
        ReferenceProfile outputs = Forecast.FitProfile(days.Select(d => new Forecast { Weather = Weather.Sun, Confidence = 0.5f }));
        using var inputMonitor = Reading.CreateMonitor(inputs);
        using var outputMonitor = Forecast.CreateMonitor(outputs);
        using var session = new MonitoredInferenceSession<Reading, Forecast>(model, inputMonitor, outputMonitor);
        foreach (Reading day in days)
        {
            Forecast forecast = session.Predict(day);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{forecast.Weather} {forecast.Confidence:R}"));
        }

        DriftReport report = outputMonitor.CheckDrift();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows={report.Rows} drifted={string.Join(",", report.Features.Where(f => f.Drifted).Select(f => f.Feature))}"));

        public enum Weather { Drizzle, Rain, Sun, Snow, Fog }

        [Monitor("seattle-weather", Version = "1")]
        public partial record Reading
        {
            [DriftTest] public float Precipitation { get; init; }
            [DriftTest] public float TempMax { get; init; }
            [DriftTest] public float TempMin { get; init; }
            [DriftTest] public double? Wind { get; init; }
        }

        [Monitor("seattle-weather", Version = "1")]
        public partial record Forecast
        {
            [DriftTest] public Weather Weather { get; init; }
            [KpiMetric("confidence", Unit = "1")] public float Confidence { get; init; }
        }
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "monitorgen-aot-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_native_aot_consumer_predicts_as_the_jit_build_does()
    {
        string repository = Repository.Root();
        string feed = Path.Combine(_root, "feed");
        string consumer = Path.Combine(_root, "consumer");
        Directory.CreateDirectory(consumer);
        string version = $"0.1.0-aot.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        foreach (string project in new[] { "src/MonitorGen/MonitorGen.csproj", "src/MonitorGen.OnnxRuntime/MonitorGen.OnnxRuntime.csproj" })
        {
            var pack = await ProcessRunner.DotnetAsync(repository, "pack", project, "-c", Configuration, "--no-build", "-o", feed, $"-p:Version={version}");
            Assert.True(pack.ExitCode == 0, pack.Output);
        }

        ConsumerProject.Isolate(consumer, feed);
        File.WriteAllText(Path.Combine(consumer, "AotConsumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <PublishAot>true</PublishAot>
                <RuntimeIdentifier>linux-x64</RuntimeIdentifier>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MonitorGen.OnnxRuntime" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), ConsumerProgram);
        string model = Path.Combine(repository, "models", "seattle-weather", "seattle-weather.onnx");

        var jit = await ProcessRunner.DotnetAsync(consumer, "run", "-c", "Release", "--", model);
        Assert.True(jit.ExitCode == 0, jit.Output);

        string output = Path.Combine(_root, "published");
        var publish = await ProcessRunner.DotnetAsync(consumer, "publish", "-c", "Release", "-o", output);
        Assert.True(publish.ExitCode == 0, publish.Output);
        // Trim and AOT warnings (IL2xxx, IL3xxx) that point into MonitorGen: the packages must carry none.
        string[] ours = publish.Output.Split('\n')
            .Where(line => line.Contains("warning IL", StringComparison.Ordinal) && line.Contains("MonitorGen", StringComparison.Ordinal))
            .ToArray();
        Assert.True(ours.Length == 0, string.Join("\n", ours));

        Assert.False(File.Exists(Path.Combine(output, "AotConsumer.dll")), "the publish produced IL, not a native executable");
        var native = await ProcessRunner.RunAsync(Path.Combine(output, "AotConsumer"), consumer, model);
        Assert.True(native.ExitCode == 0, native.Output);

        string[] expected = Lines(jit.Output);
        Assert.Equal(41, expected.Length);
        Assert.StartsWith("rows=40", expected[^1], StringComparison.Ordinal);
        Assert.Equal(expected, Lines(native.Output));
    }

    // The program's own lines: a prediction ("Sun 0.61...") each, then the drift line.
    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.TrimEntries)
        .Where(line => line.StartsWith("rows=", StringComparison.Ordinal) || line.Split(' ') is [var weather, _] && Enum.TryParse<Weather>(weather, out _))
        .ToArray();

    private enum Weather { Drizzle, Rain, Sun, Snow, Fog }

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
