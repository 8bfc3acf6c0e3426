using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using MonitorGen.SourceRules;

namespace MonitorGen.Generators.Tests;

/// <summary>The generated ONNX mapping: what it compiles for, and that the generator and the runtime classify types alike.</summary>
public sealed class OnnxMappingTests
{
    [Fact]
    public void Records_of_every_awkward_shape_get_a_mapping_that_compiles()
    {
        const string source = """
            using MonitorGen;

            namespace Demo.Awkward;

            public enum Tiny : sbyte { A = -1, B = 1 }

            public abstract class Base
            {
                public virtual float Shared { get; set; }
                [OnnxInput("renamed")] public virtual float Overridden { get; set; }
            }

            [OnnxRecord]
            public sealed unsafe partial class Everything : Base
            {
                public override float Overridden { get; set; }
                public int* Pointer { get; set; }
                public dynamic? Anything { get; set; }
                public System.Collections.Generic.List<dynamic>? Many { get; set; }
                public decimal? Money { get; set; }
                public ulong Big { get; set; }
                public Tiny? Small { get; set; }
                public string this[int i] => "";
                public static float Static { get; set; }
                public float ReadOnly => 1;
                public required float Required { get; init; }
                public float WriteOnly { set { } }
            }

            [OnnxRecord]
            public abstract partial class Abstract
            {
                public float X { get; set; }
            }

            [OnnxRecord]
            public partial class NoPublicConstructor
            {
                private NoPublicConstructor(float x) => X = x;
                public float X { get; }
            }

            [OnnxRecord]
            public partial record struct Positional(float A, [property: OnnxOutput("b")] double B);

            [OnnxRecord]
            public partial class NotPartialInside
            {
            }

            public class Outer
            {
                [OnnxRecord]
                public partial class InsideNonPartial { public float X { get; set; } }
            }

            [OnnxRecord]
            public partial class Generic<T> { public float X { get; set; } }
            """;

        var (result, output) = GeneratorHarness.Run(onnx: true, source);

        Assert.Null(result.Exception);
        Assert.Empty(GeneratorHarness.Errors(output));
        Assert.Empty(result.Diagnostics);
        string[] hints = result.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal).ToArray();
        // Not for a type inside a non-partial one, nor a generic one: the compiler reports where they are used with a session.
        Assert.Equal(new[]
        {
            "Demo.Awkward.Abstract.Onnx.g.cs", "Demo.Awkward.Everything.Onnx.g.cs", "Demo.Awkward.NoPublicConstructor.Onnx.g.cs",
            "Demo.Awkward.NotPartialInside.Onnx.g.cs", "Demo.Awkward.Positional.Onnx.g.cs",
        }, hints);

        string everything = result.GeneratedSources.Single(s => s.HintName == "Demo.Awkward.Everything.Onnx.g.cs").SourceText.ToString();
        Assert.DoesNotContain("Pointer", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("dynamic", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Static", everything, StringComparison.Ordinal);
        Assert.Contains("new(\"Overridden\", typeof(float), \"renamed\")", everything, StringComparison.Ordinal);
        Assert.Contains("new(\"Shared\", typeof(float), null)", everything, StringComparison.Ordinal);
        Assert.Contains(", row.Big);", everything, StringComparison.Ordinal);
        Assert.Contains(", row.Money);", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("row.Small", everything, StringComparison.Ordinal); // a nullable enum feeds no tensor
        Assert.Contains("Small = unchecked((global::Demo.Awkward.Tiny)reader.ReadEnumCode(", everything, StringComparison.Ordinal);

        string noConstructor = result.GeneratedSources.Single(s => s.HintName == "Demo.Awkward.NoPublicConstructor.Onnx.g.cs").SourceText.ToString();
        Assert.Contains("\"NoPublicConstructor has no public constructor\"", noConstructor, StringComparison.Ordinal);
        string abstractType = result.GeneratedSources.Single(s => s.HintName == "Demo.Awkward.Abstract.Onnx.g.cs").SourceText.ToString();
        Assert.Contains("\"Abstract is abstract\"", abstractType, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_member_no_output_fills_makes_the_type_no_output_unless_the_constructor_sets_it()
    {
        const string source = """
            using MonitorGen;

            [OnnxRecord]
            public partial class Ignored
            {
                public required float A { get; init; }
                [OnnxIgnore] public required string B { get; init; }
            }

            [OnnxRecord]
            public partial class SetByConstructor
            {
                [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
                public SetByConstructor(float a) { A = a; B = ""; }
                public required float A { get; init; }
                [OnnxIgnore] public required string B { get; init; }
            }
            """;

        var (result, output) = GeneratorHarness.Run(onnx: true, source);

        Assert.Empty(GeneratorHarness.Errors(output));
        string ignored = result.GeneratedSources.Single(s => s.HintName == "Ignored.Onnx.g.cs").SourceText.ToString();
        Assert.Contains("\"Ignored has the required member B, which no model output fills\"", ignored, StringComparison.Ordinal);
        string set = result.GeneratedSources.Single(s => s.HintName == "SetByConstructor.Onnx.g.cs").SourceText.ToString();
        Assert.Contains("new global::SetByConstructor(reader.Read<float>(0))", set, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_MonitorGen_OnnxRuntime_no_mapping_is_emitted()
    {
        var (result, output) = GeneratorHarness.Run(onnx: false, Scenarios.Prediction);

        Assert.Empty(GeneratorHarness.Errors(output));
        Assert.DoesNotContain(result.GeneratedSources, s => s.HintName.EndsWith(".Onnx.g.cs", StringComparison.Ordinal));
    }

    public static TheoryData<string, Type> MemberTypes => new()
    {
        { "float", typeof(float) }, { "double", typeof(double) }, { "decimal", typeof(decimal) },
        { "long", typeof(long) }, { "int", typeof(int) }, { "short", typeof(short) }, { "sbyte", typeof(sbyte) },
        { "ulong", typeof(ulong) }, { "uint", typeof(uint) }, { "ushort", typeof(ushort) }, { "byte", typeof(byte) },
        { "bool", typeof(bool) }, { "System.DayOfWeek", typeof(DayOfWeek) }, { "System.Base64FormattingOptions", typeof(Base64FormattingOptions) },
        { "float?", typeof(float?) }, { "bool?", typeof(bool?) }, { "System.DayOfWeek?", typeof(DayOfWeek?) }, { "decimal?", typeof(decimal?) },
        { "string", typeof(string) }, { "System.DateTime", typeof(DateTime) }, { "System.DateTime?", typeof(DateTime?) },
        { "char", typeof(char) }, { "System.Half", typeof(Half) }, { "System.Int128", typeof(Int128) }, { "nint", typeof(nint) }, { "object", typeof(object) },
    };

    /// <summary>
    /// The generator classifies a member from its symbol (<see cref="OnnxMemberCollector.Classify"/>), the runtime from
    /// its <see cref="Type"/> (<c>MemberTypes.Classify</c>); both feed the same conversion rules, so they must agree.
    /// </summary>
    [Theory]
    [MemberData(nameof(MemberTypes))]
    public void The_generator_and_the_runtime_classify_a_member_type_alike(string csharp, Type type)
    {
        var compilation = GeneratorHarness.Compile(onnx: true, $"public class Holder {{ public {csharp} Value {{ get; set; }} }}");
        var property = (IPropertySymbol)compilation.GetTypeByMetadataName("Holder")!.GetMembers("Value").Single();

        var atBuild = OnnxMemberCollector.Classify(property.Type, out _, out bool nullableAtBuild);
        var atRun = OnnxRuntime.Mapping.MemberTypes.Classify(type, out _, out bool nullableAtRun);

        Assert.Equal(atRun.ToString(), atBuild.ToString());
        Assert.Equal(nullableAtRun, nullableAtBuild);
    }
}
