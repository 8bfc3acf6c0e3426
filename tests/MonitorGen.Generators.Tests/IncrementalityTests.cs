using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MonitorGen.Generators.Model;

namespace MonitorGen.Generators.Tests;

/// <summary>The pipeline caches its models: unrelated edits reuse them, attribute edits recompute them.</summary>
public sealed class IncrementalityTests
{
    private const string Unrelated = """
        namespace Demo;

        public static class Helpers
        {
            public static int Twice(int x) => x * 2;
        }
        """;

    [Fact]
    public void Steps_carry_tracked_names()
    {
        var (driver, _) = RunOnce(Scenarios.Penguin, Unrelated);
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;

        Assert.Contains(TrackingNames.MonitorTypes, steps.Keys);
        Assert.Contains(TrackingNames.ValidMonitorTypes, steps.Keys);
    }

    [Fact]
    public void An_unrelated_edit_leaves_the_outputs_cached()
    {
        var (driver, compilation) = RunOnce(Scenarios.Penguin, Unrelated);
        SyntaxTree unrelated = compilation.SyntaxTrees.Last();
        Compilation edited = compilation.ReplaceSyntaxTree(unrelated,
            CSharpSyntaxTree.ParseText(Unrelated.Replace("x * 2", "x + x", StringComparison.Ordinal), GeneratorHarness.ParseOptions, path: unrelated.FilePath));

        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllOutputs(result, TrackingNames.ValidMonitorTypes, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void An_unrelated_edit_leaves_the_onnx_mappings_cached()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(onnx: true, Scenarios.OnnxRecords, Unrelated);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        SyntaxTree unrelated = compilation.SyntaxTrees.Last();
        Compilation edited = compilation.ReplaceSyntaxTree(unrelated,
            CSharpSyntaxTree.ParseText(Unrelated.Replace("x * 2", "x + x", StringComparison.Ordinal), GeneratorHarness.ParseOptions, path: unrelated.FilePath));

        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllOutputs(result, TrackingNames.ValidMonitorTypes, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertAllOutputs(result, TrackingNames.OnnxRecordTypes, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.Equal(7, result.GeneratedSources.Length);
        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void An_edit_in_the_monitored_file_that_changes_nothing_monitored_leaves_the_model_unchanged()
    {
        var (driver, compilation) = RunOnce(Scenarios.Penguin);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        Compilation edited = compilation.ReplaceSyntaxTree(tree,
            CSharpSyntaxTree.ParseText(tree + "\n// a comment\n", GeneratorHarness.ParseOptions, path: tree.FilePath));

        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllOutputs(result, TrackingNames.MonitorTypes, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
        AssertAllOutputs(result, TrackingNames.ValidMonitorTypes, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void Changing_an_attribute_makes_the_outputs_modified()
    {
        var (driver, compilation) = RunOnce(Scenarios.Penguin, Unrelated);
        SyntaxTree tree = compilation.SyntaxTrees.First();
        Compilation edited = compilation.ReplaceSyntaxTree(tree,
            CSharpSyntaxTree.ParseText(tree.ToString().Replace("Threshold = 0.2", "Threshold = 0.3", StringComparison.Ordinal), GeneratorHarness.ParseOptions, path: tree.FilePath));

        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllOutputs(result, TrackingNames.MonitorTypes, IncrementalStepRunReason.Modified);
        AssertAllOutputs(result, TrackingNames.ValidMonitorTypes, IncrementalStepRunReason.Modified);
        Assert.Contains("0.3", result.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_pipeline_model_holds_no_symbols_syntax_or_compilation()
    {
        var forbidden = new[] { typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(SemanticModel), typeof(AttributeData), typeof(Location) };

        // The declared shape: every field reachable from the parser's outcome (the model, or a failure for MG0013).
        foreach (Type type in ReachableTypes(typeof(ParseOutcome)).Concat(ReachableTypes(typeof(OnnxParseOutcome))))
        {
            Assert.DoesNotContain(forbidden, f => f.IsAssignableFrom(type));
        }

        // The actual values the pipeline produced.
        var (driver, _) = RunOnce(Scenarios.Penguin, Scenarios.Prediction);
        var outputs = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.ValidMonitorTypes]
            .SelectMany(step => step.Outputs).Select(output => output.Value).ToArray();
        Assert.Equal(2, outputs.Length);
        foreach (object value in outputs)
        {
            AssertNoForbiddenValues(value, forbidden, new HashSet<object>(ReferenceEqualityComparer.Instance));
        }

        // A failure the parser reports holds values only too.
        var (failing, _) = RunOnce(
            "namespace MonitorGen { public sealed class MonitorAttribute : System.Attribute { public MonitorAttribute(params string[] names) { } } }"
            + " [MonitorGen.Monitor(\"a\", \"b\")] public partial record Reading;");
        object failure = Assert.Single(failing.GetRunResult().Results.Single().TrackedSteps[TrackingNames.MonitorTypes].SelectMany(step => step.Outputs)).Value;
        Assert.NotNull(((ParseOutcome)failure).Failure);
        AssertNoForbiddenValues(failure, forbidden, new HashSet<object>(ReferenceEqualityComparer.Instance));
    }

    private static (GeneratorDriver Driver, Compilation Compilation) RunOnce(params string[] sources)
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(sources);
        return (GeneratorHarness.CreateDriver().RunGenerators(compilation), compilation);
    }

    private static void AssertAllOutputs(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        var outputs = result.TrackedSteps[step].SelectMany(run => run.Outputs).ToArray();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.Contains(output.Reason, allowed));
    }

    private static IEnumerable<Type> ReachableTypes(Type root)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            Type type = pending.Pop();
            if (!seen.Add(type) || type.IsPrimitive || type == typeof(string) || type.IsEnum)
            {
                continue;
            }

            yield return type;
            foreach (Type argument in type.GetGenericArguments())
            {
                pending.Push(argument);
            }

            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                pending.Push(field.FieldType.IsArray ? field.FieldType.GetElementType()! : field.FieldType);
            }
        }
    }

    private static void AssertNoForbiddenValues(object? value, Type[] forbidden, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        Assert.DoesNotContain(forbidden, f => f.IsInstanceOfType(value));
        if (value is IEnumerable sequence)
        {
            foreach (object? item in sequence)
            {
                AssertNoForbiddenValues(item, forbidden, visited);
            }
        }

        foreach (FieldInfo field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoForbiddenValues(field.GetValue(value), forbidden, visited);
        }
    }
}
