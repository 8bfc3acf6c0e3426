using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace MonitorGen.IntegrationTests.Layout;

/// <summary>
/// Folder equals namespace in every project: a file under <c>src/MonitorGen/Monitoring</c> declares
/// <c>MonitorGen.Monitoring</c>. The one exception is a type placed on purpose in the namespace of what it extends, by the
/// .NET convention that makes extension methods and attributes found without a using: those namespaces are listed here.
/// </summary>
public sealed partial class FolderNamespaceTests
{
    private static readonly (string Folder, string RootNamespace)[] Projects =
    {
        ("src/MonitorGen", "MonitorGen"),
        ("src/MonitorGen.AspNetCore", "MonitorGen.AspNetCore"),
        ("src/MonitorGen.OnnxRuntime", "MonitorGen.OnnxRuntime"),
        ("src/MonitorGen.Cli", "MonitorGen.Cli"),
        ("src/Shared", "MonitorGen"),
        ("generators/MonitorGen.Generators", "MonitorGen.Generators"),
        ("analyzers/MonitorGen.Analyzers", "MonitorGen.Analyzers"),
        ("analyzers/MonitorGen.CodeFixes", "MonitorGen.CodeFixes"),
        ("examples/SeattleWeatherService", "SeattleWeatherService"),
        ("tests/MonitorGen.Tests", "MonitorGen.Tests"),
        ("tests/MonitorGen.AspNetCore.Tests", "MonitorGen.AspNetCore.Tests"),
        ("tests/MonitorGen.OnnxRuntime.Tests", "MonitorGen.OnnxRuntime.Tests"),
        ("tests/MonitorGen.Cli.Tests", "MonitorGen.Cli.Tests"),
        ("tests/MonitorGen.Generators.Tests", "MonitorGen.Generators.Tests"),
        ("tests/MonitorGen.Analyzers.Tests", "MonitorGen.Analyzers.Tests"),
        ("tests/MonitorGen.IntegrationTests", "MonitorGen.IntegrationTests"),
        ("tests/MonitorGen.Benchmarks", "MonitorGen.Benchmarks"),
    };

    // Extension methods live in the namespace of the builder they extend; the ONNX attributes beside [Monitor].
    private static readonly HashSet<string> HostNamespaces = new()
    {
        "Microsoft.Extensions.DependencyInjection",
        "Microsoft.AspNetCore.Builder",
        "OpenTelemetry.Metrics",
        "OpenTelemetry.Trace",
        "MonitorGen",
    };

    [Fact]
    public void Every_source_file_declares_the_namespace_of_its_folder()
    {
        string root = Repository.Root();
        var wrong = new List<string>();
        int checkedFiles = 0;
        foreach ((string folder, string rootNamespace) in Projects)
        {
            string project = Path.Combine(root, folder);
            foreach (string file in Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
                .Where(f => !IsOutputOrBaseline(Path.GetRelativePath(project, f))))
            {
                Match declared = Namespace().Match(File.ReadAllText(file));
                if (!declared.Success)
                {
                    continue;
                }

                checkedFiles++;
                string relative = Path.GetRelativePath(project, Path.GetDirectoryName(file)!);
                string expected = relative == "." ? rootNamespace : rootNamespace + "." + relative.Replace(Path.DirectorySeparatorChar, '.');
                string actual = declared.Groups[1].Value;
                bool ownTree = actual == rootNamespace || actual.StartsWith(rootNamespace + ".", System.StringComparison.Ordinal);
                bool hosted = !ownTree && HostNamespaces.Contains(actual);
                if (actual != expected && !hosted)
                {
                    wrong.Add($"{Path.GetRelativePath(root, file)}: {actual}, folder says {expected}");
                }
            }
        }

        Assert.True(checkedFiles > 200, $"only {checkedFiles} files found: wrong root?");
        Assert.Empty(wrong);
    }

    // Build output, and the generator's baselines, which are the code generated for the test projects' own namespaces.
    private static bool IsOutputOrBaseline(string relative) =>
        relative.Split(Path.DirectorySeparatorChar) is var parts && (parts.Contains("obj") || parts.Contains("bin") || parts.Contains("Baselines"));

    [GeneratedRegex(@"^namespace ([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex Namespace();
}
