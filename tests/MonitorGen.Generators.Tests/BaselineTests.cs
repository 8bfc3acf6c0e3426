using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace MonitorGen.Generators.Tests;

/// <summary>
/// The generated source of representative types, compared with the committed files under Baselines/.
/// Set MONITORGEN_UPDATE_BASELINES=1 to rewrite them on purpose, then review the diff.
/// </summary>
public sealed class BaselineTests
{
    public static TheoryData<string> ScenarioNames => new()
    {
        nameof(Scenarios.Penguin),
        nameof(Scenarios.Prediction),
        nameof(Scenarios.PredictionKinds),
        nameof(Scenarios.AllKinds),
        nameof(Scenarios.PositionalAndNested),
        nameof(Scenarios.CategoricalNumbers),
        nameof(Scenarios.OnnxRecords),
    };

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Generated_source_matches_the_baseline(string scenario)
    {
        string source = (string)typeof(Scenarios).GetField(scenario)!.GetValue(null)!;
        // The ONNX scenarios reference MonitorGen.OnnxRuntime; the others do not, and get no mapping.
        var (result, output) = GeneratorHarness.Run(onnx: scenario.StartsWith("Onnx", StringComparison.Ordinal), source);

        Assert.Null(result.Exception);
        Assert.Empty(GeneratorHarness.Errors(output));
        Assert.NotEmpty(result.GeneratedSources);

        string directory = Path.Combine(ProjectDirectory(), "Baselines", scenario);
        bool update = Environment.GetEnvironmentVariable("MONITORGEN_UPDATE_BASELINES") == "1";
        if (update)
        {
            Directory.CreateDirectory(directory);
        }

        foreach (GeneratedSourceResult generated in result.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            string path = Path.Combine(directory, generated.HintName);
            string actual = generated.SourceText.ToString();
            if (update)
            {
                File.WriteAllText(path, actual);
                continue;
            }

            Assert.True(File.Exists(path), $"No baseline {path}; run with MONITORGEN_UPDATE_BASELINES=1 to create it.");
            Assert.Equal(File.ReadAllText(path), actual);
        }

        string[] expectedFiles = Directory.Exists(directory) ? Directory.GetFiles(directory).Select(path => Path.GetFileName(path)!).Order(StringComparer.Ordinal).ToArray() : Array.Empty<string>();
        Assert.Equal(expectedFiles, result.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal).ToArray());
    }

    private static string ProjectDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
