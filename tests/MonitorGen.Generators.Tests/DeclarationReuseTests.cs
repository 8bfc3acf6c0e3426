using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MonitorGen.Generators.Model;
using MonitorGen.Generators.Parsing;

namespace MonitorGen.Generators.Tests;

/// <summary>
/// The parse step re-runs only when something a monitored type can bind to has changed: it is reused (not re-run) after
/// an edit that no declaration can see, and re-run, on the new compilation, after one that any declaration could see.
/// </summary>
public sealed class DeclarationReuseTests
{
    private const string Model = """
        using MonitorGen;

        namespace Demo;

        [Monitor("penguin-classifier")]
        public partial record PenguinFeatures(
            [DriftTest] float BeakLengthMm,
            [DriftTest(DriftMethod.Psi, Threshold = Limits.Psi)] float FlipperLengthMm,
            [DriftTest] Island Island);
        """;

    private const string Declarations = """
        namespace Demo;

        public enum Island { Biscoe, Dream, Torgersen }

        public static class Limits
        {
            public const double Psi = 0.2;
        }

        public sealed class PricingService
        {
            private const int Version = 0;

            public int CurrentVersion => Version;

            public static int Twice(int x) => x * 2;
        }
        """;

    [Theory]
    [InlineData("x * 2", "x + x")]
    [InlineData("private const int Version = 0;", "private const int Version = 12345;")]
    [InlineData("public int CurrentVersion => Version;", "// a comment\n    public int CurrentVersion => Version;")]
    public void An_edit_no_declaration_can_see_reuses_the_parse_without_running_it(string find, string replace)
    {
        var (driver, compilation) = RunOnce(Model, Declarations);

        GeneratorRunResult result = driver.RunGenerators(Edit(compilation, 1, find, replace)).GetRunResult().Results.Single();

        // Cached, not Unchanged: the step did not run at all (ForAttributeWithMetadataName re-runs it on every compilation).
        Assert.All(Outputs(result, TrackingNames.MonitorTypes), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void A_new_enum_member_in_another_file_re_parses_the_type_on_the_new_compilation()
    {
        var (driver, compilation) = RunOnce(Model, Declarations);

        GeneratorRunResult result = driver.RunGenerators(Edit(compilation, 1, "Torgersen }", "Torgersen, Cuverville }"))
            .GetRunResult().Results.Single();

        Assert.All(Outputs(result, TrackingNames.MonitorTypes), reason => Assert.Equal(IncrementalStepRunReason.Modified, reason));
        Assert.Contains("\"Cuverville\"", result.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_constant_in_another_file_re_parses_the_type()
    {
        var (driver, compilation) = RunOnce(Model, Declarations);

        GeneratorRunResult result = driver.RunGenerators(Edit(compilation, 1, "Psi = 0.2;", "Psi = 0.3;")).GetRunResult().Results.Single();

        Assert.Contains("0.3", result.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("0.2", result.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_reference_re_parses_the_type()
    {
        CSharpCompilation withOnnx = GeneratorHarness.Compile(onnx: true, Model, Declarations);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(withOnnx);
        Assert.Equal(2, driver.GetRunResult().Results.Single().GeneratedSources.Length);

        Compilation withoutOnnx = withOnnx.WithReferences(GeneratorHarness.Compile(Model).References);
        GeneratorRunResult result = driver.RunGenerators(withoutOnnx).GetRunResult().Results.Single();

        Assert.All(Outputs(result, TrackingNames.MonitorTypes), reason => Assert.Equal(IncrementalStepRunReason.Modified, reason));
        Assert.Single(result.GeneratedSources);
    }

    [Fact]
    public void An_attribute_written_through_a_type_alias_is_found()
    {
        var (result, output) = GeneratorHarness.Run(
            "global using Watched = MonitorGen.MonitorAttribute;",
            Model.Replace("[Monitor(", "[Watched(", StringComparison.Ordinal),
            Declarations);

        Assert.Single(result.GeneratedSources);
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    [Fact]
    public void A_reused_parse_does_not_keep_its_old_compilation_alive()
    {
        var (driver, compilation, first) = RunAndForgetTheFirstCompilation();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(first.IsAlive, "the driver keeps the first compilation alive after a re-run that reused its parse");
        GC.KeepAlive(driver);
        GC.KeepAlive(compilation);
    }

    [Fact]
    public void A_tree_fingerprint_ignores_bodies_comments_and_unseen_private_members_only()
    {
        TreeFingerprint original = Fingerprint(Declarations);

        Assert.Equal(original, Fingerprint(Declarations.Replace("x * 2", "x + x + 0", StringComparison.Ordinal)));
        Assert.Equal(original, Fingerprint(Declarations.Replace("namespace Demo;", "// edited\nnamespace Demo;", StringComparison.Ordinal)));
        Assert.Equal(original, Fingerprint(Declarations.Replace("Version = 0;", "Version = 1;", StringComparison.Ordinal)));
        Assert.NotEqual(original, Fingerprint(Declarations.Replace("Psi = 0.2", "Psi = 0.25", StringComparison.Ordinal)));
        Assert.NotEqual(original, Fingerprint(Declarations.Replace("Twice(int x)", "Twice(long x)", StringComparison.Ordinal)));
        Assert.NotEqual(original, Fingerprint(Declarations.Replace("Torgersen }", "Torgersen = 7 }", StringComparison.Ordinal)));
        Assert.NotEqual(original, Fingerprint("#nullable disable\n" + Declarations));

        // A private constant is visible to a nested type, or to another part of a partial class.
        string nested = Declarations.Replace("public static int Twice", "public sealed class Inner { } public static int Twice", StringComparison.Ordinal);
        Assert.NotEqual(Fingerprint(nested), Fingerprint(nested.Replace("Version = 0;", "Version = 1;", StringComparison.Ordinal)));
        string partial = Declarations.Replace("public sealed class PricingService", "public sealed partial class PricingService", StringComparison.Ordinal);
        Assert.NotEqual(Fingerprint(partial), Fingerprint(partial.Replace("Version = 0;", "Version = 1;", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_deeply_nested_constant_is_fingerprinted_without_recursion()
    {
        var source = new StringBuilder("public static class Deep { public const string Text = \"a\"");
        source.Insert(source.Length, " + \"a\"", 20_000).Append("; }");

        TreeFingerprint fingerprint = Fingerprint(source.ToString());

        Assert.NotEqual(0UL, fingerprint.Low | fingerprint.High);
    }

    private static TreeFingerprint Fingerprint(string source) =>
        DeclarationFingerprints.Of(CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: "Source.cs"), CancellationToken.None);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (GeneratorDriver Driver, Compilation Compilation, WeakReference First) RunAndForgetTheFirstCompilation()
    {
        var (driver, compilation) = RunOnce(Model, Declarations);
        Compilation edited = Edit(compilation, 1, "x * 2", "x + x");
        driver = driver.RunGenerators(edited);
        Assert.All(Outputs(driver.GetRunResult().Results.Single(), TrackingNames.MonitorTypes),
            reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        return (driver, edited, new WeakReference(compilation));
    }

    private static Compilation Edit(Compilation compilation, int tree, string find, string replace)
    {
        SyntaxTree old = compilation.SyntaxTrees.ElementAt(tree);
        string text = old.ToString();
        Assert.Contains(find, text, StringComparison.Ordinal);
        return compilation.ReplaceSyntaxTree(old,
            CSharpSyntaxTree.ParseText(text.Replace(find, replace, StringComparison.Ordinal), GeneratorHarness.ParseOptions, path: old.FilePath));
    }

    private static (GeneratorDriver Driver, Compilation Compilation) RunOnce(params string[] sources)
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(sources);
        return (GeneratorHarness.CreateDriver().RunGenerators(compilation), compilation);
    }

    private static IncrementalStepRunReason[] Outputs(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(run => run.Outputs).Select(output => output.Reason).ToArray() is { Length: > 0 } reasons
            ? reasons
            : throw new InvalidOperationException($"step {step} has no outputs");
}
