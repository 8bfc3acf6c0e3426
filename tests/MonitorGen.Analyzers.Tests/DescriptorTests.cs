using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using MonitorGen.Analyzers.Tests.Verifiers;

namespace MonitorGen.Analyzers.Tests;

/// <summary>Every rule has resources, a help page, a release-tracking entry, and a code fix title.</summary>
public sealed class DescriptorTests
{
    public static IEnumerable<object[]> Descriptors() =>
        AllAnalyzersTest.All.SelectMany(a => a.SupportedDiagnostics).Select(d => new object[] { d.Id });

    private static DiagnosticDescriptor Find(string id) =>
        AllAnalyzersTest.All.SelectMany(a => a.SupportedDiagnostics).Single(d => d.Id == id);

    [Fact]
    public void Ids_follow_the_issue_table_each_supported_by_one_analyzer()
    {
        string[] ids = AllAnalyzersTest.All.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal).ToArray();
        Assert.Equal(ids.Distinct().Count(), ids.Length);

        Assert.Equal(
            new[] { "MG0001", "MG0002", "MG0003", "MG0004", "MG0005", "MG0006", "MG0007", "MG0008", "MG0009", "MG0010", "MG0011", "MG0012", "MG0014", "MG0015", "MG0016" },
            ids);
    }

    [Theory]
    [InlineData("MG0001", DiagnosticSeverity.Warning)]
    [InlineData("MG0002", DiagnosticSeverity.Error)]
    [InlineData("MG0003", DiagnosticSeverity.Error)]
    [InlineData("MG0004", DiagnosticSeverity.Error)]
    [InlineData("MG0005", DiagnosticSeverity.Error)]
    [InlineData("MG0006", DiagnosticSeverity.Error)]
    [InlineData("MG0007", DiagnosticSeverity.Error)]
    [InlineData("MG0008", DiagnosticSeverity.Warning)]
    [InlineData("MG0009", DiagnosticSeverity.Warning)]
    [InlineData("MG0010", DiagnosticSeverity.Warning)]
    [InlineData("MG0011", DiagnosticSeverity.Warning)]
    [InlineData("MG0012", DiagnosticSeverity.Error)]
    [InlineData("MG0014", DiagnosticSeverity.Error)]
    [InlineData("MG0015", DiagnosticSeverity.Error)]
    [InlineData("MG0016", DiagnosticSeverity.Error)]
    public void Severity_follows_the_issue_table(string id, DiagnosticSeverity severity) => Assert.Equal(severity, Find(id).DefaultSeverity);

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Help_index_lists_the_rule(string id)
    {
        string index = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagnostics", "README.md"));
        Assert.Contains($"[{id}]({id}.md)", index, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Strings_come_from_the_resources(string id)
    {
        DiagnosticDescriptor descriptor = Find(id);
        Assert.DoesNotContain(id, descriptor.Title.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Title", descriptor.Title.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Message", descriptor.MessageFormat.ToString(), StringComparison.Ordinal);
        Assert.EndsWith(".", descriptor.Description.ToString(), StringComparison.Ordinal);
        Assert.Equal("MonitorGen", descriptor.Category);
        Assert.True(descriptor.IsEnabledByDefault);
    }

    [Fact]
    public void Every_resource_key_resolves()
    {
        foreach (FieldInfo field in typeof(Resources).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
        {
            string key = (string)field.GetRawConstantValue()!;
            Assert.False(string.IsNullOrEmpty(Resources.ResourceManager.GetString(key)), key);
        }
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Help_page_and_release_entry_exist(string id)
    {
        DiagnosticDescriptor descriptor = Find(id);
        string root = RepositoryRoot();
        Assert.True(File.Exists(Path.Combine(root, "docs", "diagnostics", id + ".md")), id + ".md");
        Assert.Equal("https://github.com/MonitorGen/MonitorGen/blob/main/docs/diagnostics/" + id + ".md", descriptor.HelpLinkUri);
        string unshipped = File.ReadAllText(Path.Combine(root, "analyzers", "MonitorGen.Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains($"{id} | MonitorGen | {descriptor.DefaultSeverity} |", unshipped, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MonitorGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MonitorGen.sln not found above " + AppContext.BaseDirectory);
    }
}
