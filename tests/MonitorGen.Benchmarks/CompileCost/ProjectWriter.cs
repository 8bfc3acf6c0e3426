using System;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace MonitorGen.Benchmarks.CompileCost;

/// <summary>
/// <c>--write-project &lt;dir&gt;</c>: writes <see cref="SyntheticProject"/> to disk as a real project that references the
/// MonitorGen projects of this repository and imports the package's buildTransitive props and targets, so that
/// <c>dotnet build -p:ReportAnalyzer=true</c> shows the compiler's own generator and analyzer times
/// (docs/benchmarks/compile-cost.md).
/// </summary>
internal static class ProjectWriter
{
    public static void Write(string directory)
    {
        string repository = FindRepository();
        var project = new SyntheticProject();
        Directory.CreateDirectory(directory);
        foreach ((string path, string text) in project.Sources)
        {
            File.WriteAllText(Path.Combine(directory, Path.GetFileName(path)), text);
        }

        foreach (AdditionalText profile in project.Profiles)
        {
            Directory.CreateDirectory(Path.Combine(directory, "profiles"));
            File.WriteAllText(Path.Combine(directory, "profiles", Path.GetFileName(profile.Path)), profile.GetText(CancellationToken.None)!.ToString());
        }

        Directory.CreateDirectory(Path.Combine(directory, "models"));
        for (int i = 0; i < SyntheticProject.OnnxCount; i++)
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "churn.onnx"), Path.Combine(directory, "models", $"m{i}.onnx"), overwrite: true);
        }

        string build = Path.Combine(repository, "src", "MonitorGen", "buildTransitive");
        File.WriteAllText(Path.Combine(directory, "Synthetic.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{build}/MonitorGen.props" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <NoWarn>$(NoWarn);CS1591</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{repository}/src/MonitorGen/MonitorGen.csproj" />
                <ProjectReference Include="{repository}/generators/MonitorGen.Generators/MonitorGen.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" Condition="'$(WithGenerator)' != 'false'" />
                <ProjectReference Include="{repository}/analyzers/MonitorGen.Analyzers/MonitorGen.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
              <!-- -p:WithGenerator=false -p:PreGenerated=<dir>: compiles the generator's earlier output (EmitCompilerGeneratedFiles) as
                   plain sources, so that the difference to a build with the generator is the generator's own cost. -->
              <ItemGroup Condition="'$(PreGenerated)' != ''">
                <Compile Include="$(PreGenerated)/**/*.cs" />
              </ItemGroup>
              <Import Project="{build}/MonitorGen.targets" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
        Console.WriteLine("wrote " + directory);
    }

    private static string FindRepository()
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
