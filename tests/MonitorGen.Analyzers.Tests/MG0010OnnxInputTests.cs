using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using MonitorGen.Analyzers.Tests.Verifiers;
using DiagnosticResult = Microsoft.CodeAnalysis.Testing.DiagnosticResult;

namespace MonitorGen.Analyzers.Tests;

/// <summary>MG0010: an ONNX model whose inputs do not match the [Monitor] input record, or that cannot be read.</summary>
public sealed class MG0010OnnxInputTests
{
    private const string ModelPath = "/0/obj/monitorgen/churn.onnx.base64";

    private const string Record = """
        using MonitorGen;

        namespace Shop;

        [Monitor("churn")]
        public partial record {|#0:Input|}([DriftTest] float Age, [DriftTest] string? Plan, [Expect(Min = 0)] long Visits, [NotMonitored] string? Id);
        """;

    private static OnnxBuilder Matching() => new OnnxBuilder()
        .Input("age", OnnxBuilder.Float, "N", 1L)
        .Input("plan", OnnxBuilder.String, -1L, 1L)
        .Input("Visits", OnnxBuilder.Int64, 1L);

    private static AnalyzerTest<OnnxInputAnalyzer> Test(string source, string base64, bool strict = false, string path = ModelPath)
    {
        var test = new AnalyzerTest<OnnxInputAnalyzer>(source, strict);
        test.TestState.AdditionalFiles.Add((path, base64));
        return test;
    }

    private static DiagnosticResult Mismatch(string problems, string model = "churn.onnx", string type = "Shop.Input", int location = 0) =>
        new DiagnosticResult(DiagnosticDescriptors.OnnxInputMismatch).WithLocation(location)
            .WithMessage($"ONNX model '{model}' does not match input record '{type}': {problems}");

    private static DiagnosticResult Unreadable(string problem, string path = ModelPath) =>
        new DiagnosticResult(DiagnosticDescriptors.OnnxInputMismatch).WithSpan(path, 1, 1, 1, 1)
            .WithMessage($"ONNX model 'churn.onnx' cannot be read: {problem}");

    [Fact]
    public Task Inputs_that_match_the_record_by_name_type_and_shape() => Test(Record, Matching().BuildBase64()).RunAsync();

    [Fact]
    public Task The_model_written_by_the_onnx_package_matches_and_its_initializer_is_not_an_input() =>
        Test(
            """
            using MonitorGen;

            [Monitor("churn")]
            public partial record Input([DriftTest] float Age, [DriftTest] string Plan);
            """,
            Convert.ToBase64String(SchemaFiles.Fixture("churn.onnx"))).RunAsync();

    [Fact]
    public Task The_onnx_package_model_against_a_double_property() =>
        Test(
            """
            using MonitorGen;

            [Monitor("churn")]
            public partial record {|#0:Input|}([DriftTest] double Age, [DriftTest] string Plan);
            """,
            Convert.ToBase64String(SchemaFiles.Fixture("churn.onnx")))
            .WithExpected(Mismatch("input 'age' holds float but 'Age' is double", type: "Input")).RunAsync();

    [Fact]
    public Task A_fixed_width_input_and_a_missing_property() =>
        Test(
            """
            using MonitorGen;

            [Monitor("wide")]
            public partial record {|#0:Row|}([DriftTest] float Features);
            """,
            Convert.ToBase64String(SchemaFiles.Fixture("wide.onnx")),
            path: "/0/wide.onnx.base64")
            .WithExpected(Mismatch("input 'features' has shape [-1,4], not one value per row ([N,1], [-1,1], [1] or [N]); input 'count' has no property", model: "wide.onnx", type: "Row"))
            .RunAsync();

    [Fact]
    public Task An_input_without_a_property() =>
        Test(Record, Matching().Input("tenure", OnnxBuilder.Double, "N", 1L).BuildBase64())
            .WithExpected(Mismatch("input 'tenure' has no property")).RunAsync();

    [Fact]
    public Task A_monitored_feature_that_is_not_an_input() =>
        Test(Record, new OnnxBuilder().Input("age", OnnxBuilder.Float, "N", 1L).Input("plan", OnnxBuilder.String, "N", 1L).BuildBase64())
            .WithExpected(Mismatch("feature 'Visits' is not an input of the model")).RunAsync();

    [Fact]
    public Task A_property_that_is_not_monitored_may_be_an_input() =>
        Test(Record, Matching().Input("id", OnnxBuilder.String, "N", 1L).BuildBase64()).RunAsync();

    [Theory]
    [InlineData(OnnxBuilder.Double, "double")]
    [InlineData(OnnxBuilder.Int64, "int64")]
    [InlineData(OnnxBuilder.Bool, "bool")]
    [InlineData(0x7FFF, "element type 32767")]
    public Task A_mismatched_element_type(int elementType, string name) =>
        Test(Record, new OnnxBuilder().Input("age", elementType, "N", 1L).Input("plan", OnnxBuilder.String, "N", 1L).Input("Visits", OnnxBuilder.Int64, "N", 1L).BuildBase64())
            .WithExpected(Mismatch($"input 'age' holds {name} but 'Age' is float")).RunAsync();

    [Fact]
    public Task Element_types_of_every_supported_kind()
    {
        const string source = """
            using MonitorGen;

            public enum Tier : byte { Free, Paid }

            [Monitor("churn")]
            public partial record Input([DriftTest] double A, [DriftTest] int B, [DriftTest] bool C, [DriftTest] Tier D, [DriftTest] Tier E, [DriftTest] long? F);
            """;
        return Test(source, new OnnxBuilder()
            .Input("a", OnnxBuilder.Double).Input("b", OnnxBuilder.Int32, "N").Input("c", OnnxBuilder.Bool, 1L, 1L)
            .Input("d", 2 /* uint8 */, "N", 1L).Input("e", OnnxBuilder.String, "N", 1L).Input("f", OnnxBuilder.Int64, "N", "one").BuildBase64()).RunAsync();
    }

    [Theory]
    [InlineData(new long[] { -1, 4 }, "-1,4")]
    [InlineData(new long[] { 3 }, "3")]
    [InlineData(new long[] { 1, 1, 1 }, "1,1,1")]
    [InlineData(new long[] { 1, 0 }, "1,0")]
    public Task A_shape_with_more_than_one_value_per_row(long[] shape, string shown) =>
        Test(Record, new OnnxBuilder().Input("age", OnnxBuilder.Float, Array.ConvertAll(shape, d => (object)d)).Input("plan", OnnxBuilder.String, "N", 1L).Input("Visits", OnnxBuilder.Int64, "N", 1L).BuildBase64())
            .WithExpected(Mismatch($"input 'age' has shape [{shown}], not one value per row ([N,1], [-1,1], [1] or [N])")).RunAsync();

    [Fact]
    public Task An_input_that_is_not_a_tensor() =>
        Test(Record, new OnnxBuilder().SequenceInput("age").Input("plan", OnnxBuilder.String, "N", 1L).Input("Visits", OnnxBuilder.Int64, "N", 1L).BuildBase64())
            .WithExpected(Mismatch("input 'age' is not a tensor")).RunAsync();

    [Fact]
    public Task Initializers_listed_as_graph_inputs_are_weights_not_features() =>
        Test(Record, Matching().Input("w", OnnxBuilder.Float, 8L, 8L).Initializer("w", 100_000).BuildBase64()).RunAsync();

    [Fact]
    public Task With_an_output_record_the_input_record_is_the_one_that_shares_names_with_the_inputs()
    {
        const string source = """
            using MonitorGen;

            namespace Shop;

            [Monitor("churn")]
            public partial record {|#0:Input|}([DriftTest] float Age, [DriftTest] string? Plan, [Expect(Min = 0)] long Visits);

            [Monitor("churn")]
            public partial record Output([DriftTest] double Score);
            """;
        return Test(source, Matching().Input("tenure", OnnxBuilder.Float, "N", 1L).BuildBase64()).WithExpected(Mismatch("input 'tenure' has no property")).RunAsync();
    }

    [Fact]
    public Task Two_records_that_share_as_many_names_are_ambiguous()
    {
        const string source = """
            using MonitorGen;

            namespace Shop;

            [Monitor("churn")]
            public partial record {|#0:A|}([DriftTest] float Age);

            [Monitor("churn")]
            public partial record {|#1:B|}([DriftTest] float Age);
            """;
        var ambiguous = "matches the inputs of several [Monitor] types of model 'churn' (Shop.A, Shop.B); set MonitorGenInputType on the item to choose the input record";
        return Test(source, new OnnxBuilder().Input("age", OnnxBuilder.Float, "N", 1L).BuildBase64())
            .WithExpected(
                new DiagnosticResult(DiagnosticDescriptors.OnnxInputMismatch).WithLocation(0).WithMessage("ONNX model 'churn.onnx' " + ambiguous),
                new DiagnosticResult(DiagnosticDescriptors.OnnxInputMismatch).WithLocation(1).WithMessage("ONNX model 'churn.onnx' " + ambiguous))
            .RunAsync();
    }

    [Fact]
    public Task Item_metadata_chooses_the_input_record_and_the_model()
    {
        const string source = """
            using MonitorGen;

            namespace Shop;

            [Monitor("churn")]
            public partial record A([DriftTest] float Age);

            [Monitor("churn")]
            public partial record {|#0:B|}([DriftTest] float Age, [DriftTest] bool Active);
            """;
        const string path = "/0/obj/monitorgen/model-v3.onnx.base64";
        AnalyzerTest<OnnxInputAnalyzer> test = Test(source, new OnnxBuilder().Input("age", OnnxBuilder.Float, "N", 1L).BuildBase64(), path: path);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", SchemaFiles.Metadata(
            (path, "MonitorGenModel", "churn"), (path, "MonitorGenInputType", "Shop.B"), (path, "MonitorGenSource", "/src/models/model-v3.onnx"))));
        return test.WithExpected(Mismatch("feature 'Active' is not an input of the model", model: "model-v3.onnx", type: "Shop.B")).RunAsync();
    }

    [Fact]
    public Task A_model_of_another_name_is_not_compared() =>
        Test(Record, new OnnxBuilder().Input("x", OnnxBuilder.Float).BuildBase64(), path: "/0/fraud.onnx.base64").RunAsync();

    [Fact]
    public Task A_raw_onnx_additional_file_is_never_read()
    {
        // Reading a binary additional file would fail the build with CS2015; only the base64 copy is read.
        var test = new AnalyzerTest<OnnxInputAnalyzer>(Record);
        test.TestState.AdditionalFiles.Add(("/0/churn.onnx", "\0\0garbage"));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("EgA=", "the file has no ir_version (not an ONNX model?)")]
    [InlineData("AAAA", "a field number of 0 at offset 1")]
    [InlineData("CAg=", "the model has no graph")]
    [InlineData("CAg6", "the data ends inside a number at offset 3 (truncated?)")]
    [InlineData("CAg6BQ==", "a length of 5 bytes at offset 3 runs past the end of its message (truncated?)")]
    [InlineData("//8=", "the data ends inside a number at offset 2 (truncated?)")]
    [InlineData("/////////////wE=", "a number longer than ten bytes at offset 10")]
    [InlineData("Dw==", "wire type 7 at offset 1 (not an ONNX file?)")]
    [InlineData("CAg*", "the base64 text has an invalid character at offset 3")]
    [InlineData("CAg", "the base64 text has a length that is not a multiple of 4")]
    public Task An_unreadable_model_is_reported_on_the_file(string base64, string problem) =>
        Test(Record, base64).WithExpected(Unreadable(problem)).RunAsync();

    [Fact]
    public Task A_truncated_model_is_reported()
    {
        byte[] model = Matching().Build();
        return Test(Record, Convert.ToBase64String(model, 0, model.Length - 7 - (model.Length - 7) % 3))
            .WithExpected(Unreadable("a length of 108 bytes at offset 10 runs past the end of its message (truncated?)")).RunAsync();
    }

    [Fact]
    public Task Strict_mode_reports_mismatches_and_unreadable_models_as_errors()
    {
        AnalyzerTest<OnnxInputAnalyzer> test = Test(Record, Matching().Input("tenure", OnnxBuilder.Double, "N", 1L).BuildBase64(), strict: true);
        test.TestState.AdditionalFiles.Add(("/0/churn2.onnx.base64", "Dw=="));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig2", SchemaFiles.Metadata(("/0/churn2.onnx.base64", "MonitorGenModel", "churn"))));
        return test.WithExpected(
            Mismatch("input 'tenure' has no property").WithSeverity(DiagnosticSeverity.Error),
            new DiagnosticResult(DiagnosticDescriptors.OnnxInputMismatch).WithSpan("/0/churn2.onnx.base64", 1, 1, 1, 1).WithSeverity(DiagnosticSeverity.Error)
                .WithMessage("ONNX model 'churn2.onnx' cannot be read: wire type 7 at offset 1 (not an ONNX file?)"))
            .RunAsync();
    }
}
