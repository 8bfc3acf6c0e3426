using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MonitorGen.Benchmarks.CompileCost;

/// <summary>
/// <c>--transform-profile [rounds]</c>: where the time of the generator's transform goes on the compilation of an incremental
/// re-run (the bound project with a one-line edit in the unrelated file, so every symbol is new). The symbol work that
/// <c>ForAttributeWithMetadataName</c> and <c>MonitorTypeParser.Parse</c> do for 500 records is replayed phase by phase
/// through the public Roslyn API, each phase on symbols the earlier phases already bound, so that each figure is the
/// binding that phase adds (docs/benchmarks/compile-cost.md).
/// </summary>
internal static class TransformProfile
{
    private static readonly string[] Phases =
    {
        "semantic model + declared symbol of each record (FAWMN)",
        "attributes of each record, [Monitor] (FAWMN)",
        "members of each record (GetMembers)",
        "attributes of the positional parameters",
        "attributes of the properties",
        "member types",
        "3x GetTypeByMetadataName per record",
        "ToDisplayString of type and namespace",
        "enum members of enum features",
    };

    public static void Run(int rounds)
    {
        var project = new SyntheticProject();
        CSharpCompilation parsed = project.Parse();
        GeneratorDriver driver = project.CreateDriver().RunGenerators(parsed);
        var times = new List<double[]>();
        var rerun = new List<double>();
        for (int round = -1; round < rounds; round++)
        {
            double[] phases = Measure(EditedBoundCompilation(project, parsed, 2 * round));

            // The same work as the generator does it: the driver reused, as in the IDE, so every output is cached.
            CSharpCompilation edited = EditedBoundCompilation(project, parsed, (2 * round) + 1);
            GC.Collect();
            var watch = Stopwatch.StartNew();
            driver = driver.RunGenerators(edited);
            double rerunMs = watch.Elapsed.TotalMilliseconds;
            if (round >= 0)
            {
                times.Add(phases);
                rerun.Add(rerunMs);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median of {rounds} rounds (ms), a new compilation after a one-line edit, {SyntheticProject.TypeCount} records"));
        for (int i = 0; i < Phases.Length; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Phases[i],-58} {CompileCostBreakdown.Median(times.Select(t => t[i])),7:F1}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"sum of the phases",-58} {CompileCostBreakdown.Median(times.Select(t => t.Sum())),7:F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"the generator's re-run on such a compilation (driver reused)",-58} {CompileCostBreakdown.Median(rerun),7:F1}"));
    }

    // The project bound (as by the IDE or the previous build), then the unrelated file edited: a new compilation that shares
    // the syntax trees, but not the symbols, of the bound one.
    private static CSharpCompilation EditedBoundCompilation(SyntheticProject project, CSharpCompilation parsed, int edit)
    {
        CSharpCompilation bound = parsed.ReplaceSyntaxTree(parsed.SyntaxTrees[^1], project.EditedService(1_000_000 + edit));
        foreach (SyntaxTree tree in bound.SyntaxTrees)
        {
            bound.GetSemanticModel(tree).GetDeclarationDiagnostics();
        }

        return bound.ReplaceSyntaxTree(bound.SyntaxTrees[^1], project.EditedService(edit));
    }

    private static double[] Measure(CSharpCompilation compilation)
    {
        GC.Collect();
        var times = new double[Phases.Length];
        var watch = Stopwatch.StartNew();
        var records = new List<INamedTypeSymbol>();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (TypeDeclarationSyntax declaration in tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>())
            {
                if (declaration.AttributeLists.Count > 0 && model.GetDeclaredSymbol(declaration) is { } symbol)
                {
                    records.Add(symbol);
                }
            }
        }

        times[0] = Lap(watch);
        int count = records.Sum(record => record.GetAttributes().Length);
        times[1] = Lap(watch);
        var properties = new List<IPropertySymbol>();
        var parameters = new List<IParameterSymbol>();
        foreach (INamedTypeSymbol record in records)
        {
            properties.AddRange(record.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsImplicitlyDeclared && p.DeclaredAccessibility == Accessibility.Public));
            // The primary constructor is the one declared by the record's own declaration (not the copy constructor).
            parameters.AddRange(record.InstanceConstructors
                .Where(constructor => constructor.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax() is TypeDeclarationSyntax))
                .SelectMany(constructor => constructor.Parameters));
        }

        times[2] = Lap(watch);
        count += parameters.Sum(parameter => parameter.GetAttributes().Length);
        times[3] = Lap(watch);
        count += properties.Sum(property => property.GetAttributes().Length);
        times[4] = Lap(watch);
        count += properties.Count(property => property.Type.SpecialType != SpecialType.None);
        times[5] = Lap(watch);
        foreach (INamedTypeSymbol record in records)
        {
            count += compilation.GetTypeByMetadataName("MonitorGen.DriftTestAttribute") is null ? 0 : 1;
            count += compilation.GetTypeByMetadataName("MonitorGen.KpiMetricAttribute") is null ? 0 : 1;
            count += compilation.GetTypeByMetadataName("MonitorGen.ExpectAttribute") is null ? 0 : 1;
        }

        times[6] = Lap(watch);
        foreach (INamedTypeSymbol record in records)
        {
            count += record.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Length + (2 * record.ContainingNamespace.ToDisplayString().Length);
        }

        times[7] = Lap(watch);
        foreach (IPropertySymbol property in properties.Where(p => p.Type.TypeKind == TypeKind.Enum))
        {
            count += property.Type.GetMembers().OfType<IFieldSymbol>().Count(field => field.ConstantValue is not null);
            count += property.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Length;
        }

        times[8] = Lap(watch);
        if (count == 0)
        {
            throw new InvalidOperationException("nothing was bound");
        }

        return times;
    }

    private static double Lap(Stopwatch watch)
    {
        double ms = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        return ms;
    }
}
