using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace MonitorGen.Analyzers.Tests.Verifiers;

/// <summary>
/// The net10.0 reference assemblies of the local targeting pack (the testing library's <c>ReferenceAssemblies.Net.Net100</c>
/// cannot be downloaded here), plus MonitorGen itself.
/// </summary>
internal static class TestReferences
{
    /// <summary>A reference-assembly set with no package: everything comes from <see cref="Additional"/>.</summary>
    public static ReferenceAssemblies ReferenceAssemblies { get; } = new("net10.0");

    /// <summary>The targeting pack's assemblies and MonitorGen.dll.</summary>
    public static ImmutableArray<MetadataReference> Additional { get; } = Load();

    private static ImmutableArray<MetadataReference> Load()
    {
        string directory = FindTargetingPack() ?? RuntimeEnvironment.GetRuntimeDirectory();
        return Directory.GetFiles(directory, "*.dll")
            .Where(IsManagedAssembly)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(MonitorAttribute).Assembly.Location))
            .ToImmutableArray();
    }

    private static string? FindTargetingPack()
    {
        // shared/Microsoft.NETCore.App/<version>/ -> dotnet root
        string runtime = RuntimeEnvironment.GetRuntimeDirectory();
        string root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        string packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs))
        {
            return null;
        }

        return Directory.GetDirectories(packs)
            .Select(version => Path.Combine(version, "ref", "net10.0"))
            .Where(Directory.Exists)
            .OrderByDescending(path => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))), out Version? v) ? v : new Version(0, 0))
            .FirstOrDefault();
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
