using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using MonitorGen.Analyzers.Tests.Verifiers;
using DiagnosticResult = Microsoft.CodeAnalysis.Testing.DiagnosticResult;

namespace MonitorGen.Analyzers.Tests;

/// <summary>
/// MG0010: an ONNX model whose inputs do not match the [Monitor] input record by MonitorGen.OnnxRuntime's mapping rules
/// (docs/onnxruntime.md), or that cannot be read.
/// </summary>
public sealed class MG0010OnnxInputTests
{
    private const string ModelPath = "/0/obj/monitorgen/churn.onnx.base64";

    private const string Record = """
        using MonitorGen;

        namespace Shop;

        public enum Tier { Free, Paid }

        [Monitor("churn")]
        public partial record {|#0:Input|}([DriftTest] float Age, [DriftTest] Tier Plan, [Expect(Min = 0)] long Visits, [NotMonitored("a key")] long Id);
        """;

    /// <summary>
    /// [OnnxInput] and [OnnxIgnore] as MonitorGen.OnnxRuntime declares them: the analyzer finds them by metadata name,
    /// and the test compilation does not reference that package.
    /// </summary>
    private const string OnnxAttributes = """
        namespace MonitorGen
        {
            [System.AttributeUsage(System.AttributeTargets.Property | System.AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
            public sealed class OnnxInputAttribute : System.Attribute
            {
                public OnnxInputAttribute(string name) => Name = name;

                public string Name { get; }
            }

            [System.AttributeUsage(System.AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
            public sealed class OnnxIgnoreAttribute : System.Attribute
            {
            }
        }
        """;

    private static OnnxBuilder Matching() => new OnnxBuilder()
        .Input("age", OnnxBuilder.Float, "N", 1L)
        .Input("plan", OnnxBuilder.Int64, -1L, 1L)
        .Input("Visits", OnnxBuilder.Int64, 1L);

    private static AnalyzerTest<OnnxInputAnalyzer> Test(string source, string base64, bool strict = false, string path = ModelPath)
    {
        var test = new AnalyzerTest<OnnxInputAnalyzer>(source, strict);
        test.TestState.Sources.Add(("/0/OnnxAttributes.cs", OnnxAttributes));
        test.TestState.AdditionalFiles.Add((path, base64));
        return test;
    }

    private static string NoProperty(string input) =>
        $"input '{input}' has no property: name one like it (case and _ - . : aside) or put [OnnxInput(\"{input}\")] on one";

    private static string Shape(string input, string shown) =>
        $"input '{input}' has shape [{shown}], but one property feeds one element per row (every dimension must be 1 or symbolic)";

    private static DiagnosticResult Mismatch(string problems, string model = "churn.onnx", string type = "Shop.Input", int location = 0) =>
        new DiagnosticResult(DiagnosticDescriptors.OnnxInputMismatch).WithLocation(location)
            .WithMessage($"ONNX model '{model}' does not match input record '{type}': {problems}");

    private static DiagnosticResult Unreadable(string problem, string path = ModelPath) =>
        new DiagnosticResult(DiagnosticDescriptors.OnnxInputMismatch).WithSpan(path, 1, 1, 1, 1)
            .WithMessage($"ONNX model 'churn.onnx' cannot be read: {problem}");

    [Fact]
    public Task Inputs_that_match_the_record_by_name_type_and_shape() => Test(Record, Matching().BuildBase64()).RunAsync();

    [Fact]
    public Task The_onnx_package_model_its_initializer_is_not_an_input_and_its_string_input_cannot_be_fed() =>
        Test(
            """
            using MonitorGen;

            [Monitor("churn")]
            public partial record {|#0:Input|}([DriftTest] float Age, [DriftTest] string Plan);
            """,
            Convert.ToBase64String(SchemaFiles.Fixture("churn.onnx")))
            .WithExpected(Mismatch("input 'plan' holds string, which MonitorGen.OnnxRuntime cannot feed (float, double, int64, int32 or bool only)", type: "Input"))
            .RunAsync();

    [Fact]
    public Task The_onnx_package_model_takes_a_double_property_into_its_float_input() =>
        Test(
            """
            using MonitorGen;

            [Monitor("churn")]
            public partial record {|#0:Input|}([DriftTest] double Age, [property: OnnxIgnore] string Plan);
            """,
            Convert.ToBase64String(SchemaFiles.Fixture("churn.onnx")))
            .WithExpected(Mismatch(NoProperty("plan"), type: "Input")).RunAsync();

    [Fact]
    public Task The_seattle_weather_model_takes_the_example_record_by_separator_insensitive_names() =>
        Test(
            """
            using MonitorGen;

            [Monitor("seattle-weather", Version = "1")]
            public partial record WeatherFeatures
            {
                [DriftTest, Expect(Min = 0, Max = 100)] public required float Precipitation { get; init; }
                [DriftTest(DriftMethod.Psi, Threshold = 0.25)] public required float TempMax { get; init; }
                [DriftTest(DriftMethod.Ks), Expect(Min = -20, Max = 40)] public required float TempMin { get; init; }
                [DriftTest] public required float Wind { get; init; }
            }

            [Monitor("seattle-weather", Version = "1")]
            public partial record WeatherForecast
            {
                [DriftTest] public long Weather { get; init; }
                [KpiMetric("confidence", Unit = "1")] public float Confidence { get; init; }
            }
            """,
            Convert.ToBase64String(SchemaFiles.Fixture("seattle-weather.onnx")),
            path: "/0/obj/monitorgen/seattle-weather.onnx.base64").RunAsync();

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
            .WithExpected(Mismatch(Shape("features", "-1,4") + "; " + NoProperty("count"), model: "wide.onnx", type: "Row"))
            .RunAsync();

    [Fact]
    public Task An_input_without_a_property() =>
        Test(Record, Matching().Input("tenure", OnnxBuilder.Double, "N", 1L).BuildBase64())
            .WithExpected(Mismatch(NoProperty("tenure"))).RunAsync();

    [Fact]
    public Task A_monitored_feature_that_is_not_an_input() =>
        Test(Record, new OnnxBuilder().Input("age", OnnxBuilder.Float, "N", 1L).Input("plan", OnnxBuilder.Int64, "N", 1L).BuildBase64())
            .WithExpected(Mismatch("feature 'Visits' is not an input of the model")).RunAsync();

    [Fact]
    public Task A_property_that_is_not_monitored_may_be_an_input() =>
        Test(Record, Matching().Input("id", OnnxBuilder.Int64, "N", 1L).BuildBase64()).RunAsync();

    [Theory]
    [InlineData(OnnxBuilder.Bool, "input 'age' holds bool but 'Age' is float, and bool maps only to bool")]
    [InlineData(OnnxBuilder.String, "input 'age' holds string, which MonitorGen.OnnxRuntime cannot feed (float, double, int64, int32 or bool only)")]
    [InlineData(2, "input 'age' holds uint8, which MonitorGen.OnnxRuntime cannot feed (float, double, int64, int32 or bool only)")]
    [InlineData(0x7FFF, "input 'age' holds element type 32767, which MonitorGen.OnnxRuntime cannot feed (float, double, int64, int32 or bool only)")]
    public Task An_element_type_the_runtime_does_not_feed_the_property(int elementType, string problem) =>
        Test(Record, new OnnxBuilder().Input("age", elementType, "N", 1L).Input("plan", OnnxBuilder.Int64, "N", 1L).Input("Visits", OnnxBuilder.Int64, "N", 1L).BuildBase64())
            .WithExpected(Mismatch(problem)).RunAsync();

    [Theory]
    [InlineData(OnnxBuilder.Double)]
    [InlineData(OnnxBuilder.Int64)]
    [InlineData(OnnxBuilder.Int32)]
    public Task A_number_feeds_any_numeric_tensor_as_a_cast(int elementType) =>
        Test(Record, new OnnxBuilder().Input("age", elementType, "N", 1L).Input("plan", OnnxBuilder.Int64, "N", 1L).Input("Visits", OnnxBuilder.Float, "N", 1L).BuildBase64())
            .RunAsync();

    [Fact]
    public Task Element_types_the_runtime_feeds()
    {
        const string source = """
            using MonitorGen;

            public enum Tier : byte { Free, Paid }

            [Monitor("churn")]
            public partial record {|#0:Input|}(
                [DriftTest] double A, [DriftTest] int B, [DriftTest] bool C, [DriftTest] Tier D, [DriftTest] Tier E, [DriftTest] long? F,
                [DriftTest] decimal G, [DriftTest] int H, [DriftTest] double I, [DriftTest] double? J, [DriftTest] bool? K);
            """;
        return Test(source, new OnnxBuilder()
            .Input("a", OnnxBuilder.Double).Input("b", OnnxBuilder.Int32, "N").Input("c", OnnxBuilder.Bool, 1L, 1L)
            .Input("d", OnnxBuilder.Int64, "N", 1L).Input("e", OnnxBuilder.Int32, "N", 1L).Input("f", OnnxBuilder.Double, "N", "one")
            .Input("g", OnnxBuilder.Float, "N", 1L).Input("h", OnnxBuilder.Float, "N", 1L).Input("i", OnnxBuilder.Float, "N", 1L)
            .Input("j", OnnxBuilder.Float, "N", 1L).Input("k", OnnxBuilder.Float).BuildBase64())
            .WithExpected(Mismatch("input 'k' holds float but 'K' is bool?, and bool maps only to bool", type: "Input"))
            .RunAsync();
    }

    [Theory]
    [InlineData("int?", OnnxBuilder.Int64, "input 'x' holds int64 but 'X' is int?, and a nullable property feeds only float or double (null becomes NaN)")]
    [InlineData("Tier", OnnxBuilder.Float, "input 'x' holds float but 'X' is Tier, and an enum feeds only int64 or int32")]
    [InlineData("Tier", OnnxBuilder.Double, "input 'x' holds double but 'X' is Tier, and an enum feeds only int64 or int32")]
    [InlineData("Tier?", OnnxBuilder.Float, "input 'x' holds float but 'X' is Tier?, and an enum feeds only int64 or int32")]
    [InlineData("int", OnnxBuilder.Bool, "input 'x' holds bool but 'X' is int, and bool maps only to bool")]
    [InlineData("string", OnnxBuilder.Float, "input 'x' is fed by 'X', a string, which MonitorGen.OnnxRuntime cannot feed (numbers, enums and bool only)")]
    [InlineData("System.DateTime", OnnxBuilder.Int64, "input 'x' is fed by 'X', a DateTime, which MonitorGen.OnnxRuntime cannot feed (numbers, enums and bool only)")]
    [InlineData("char", OnnxBuilder.Int32, "input 'x' is fed by 'X', a char, which MonitorGen.OnnxRuntime cannot feed (numbers, enums and bool only)")]
    public Task A_property_type_the_runtime_does_not_feed_into_the_tensor(string type, int elementType, string problem) =>
        Test(
            $$"""
            using MonitorGen;

            public enum Tier { Free, Paid }

            [Monitor("churn")]
            public partial record {|#0:Input|}([NotMonitored("fed")] {{type}} X);
            """,
            new OnnxBuilder().Input("x", elementType, "N", 1L).BuildBase64())
            .WithExpected(Mismatch(problem, type: "Input")).RunAsync();

    [Theory]
    [InlineData(new long[] { -1, 4 }, "-1,4")]
    [InlineData(new long[] { 1, 4 }, "1,4")]
    [InlineData(new long[] { 3 }, "3")]
    [InlineData(new long[] { 1, 0 }, "1,0")]
    [InlineData(new long[] { 1, 1, 2 }, "1,1,2")]
    public Task A_shape_with_more_than_one_element_per_row(long[] shape, string shown) =>
        Test(Record, new OnnxBuilder().Input("age", OnnxBuilder.Float, Array.ConvertAll(shape, d => (object)d)).Input("plan", OnnxBuilder.Int64, "N", 1L).Input("Visits", OnnxBuilder.Int64, "N", 1L).BuildBase64())
            .WithExpected(Mismatch(Shape("age", shown))).RunAsync();

    [Theory]
    [InlineData("N", 1L)]
    [InlineData(-1L, 1L)]
    [InlineData(1L)]
    [InlineData("N")]
    [InlineData(-1L)]
    [InlineData(1L, 1L, 1L)]
    [InlineData("N", "M")]
    [InlineData]
    public Task A_shape_whose_dimensions_are_1_or_symbolic(params object[] shape) =>
        Test(Record, new OnnxBuilder().Input("age", OnnxBuilder.Float, shape).Input("plan", OnnxBuilder.Int64, "N", 1L).Input("Visits", OnnxBuilder.Int64, "N", 1L).BuildBase64())
            .RunAsync();

    private const string Weather = """
        using MonitorGen;

        namespace Shop;

        [Monitor("churn")]
        public partial record {|#0:Day|}
        {
            [DriftTest] public float TempMax { get; init; }
            [DriftTest] public float Wind { get; init; }
        }
        """;

    [Theory]
    [InlineData("temp_max", "wind")]
    [InlineData("TEMP-MAX", "Wind")]
    [InlineData("temp.max", "w:i_n-d")]
    [InlineData("tempMax", "WIND")]
    public Task Names_match_ignoring_case_and_separators(string tempMax, string wind) =>
        Test(Weather, new OnnxBuilder().Input(tempMax, OnnxBuilder.Float, "N", 1L).Input(wind, OnnxBuilder.Float, "N", 1L).BuildBase64()).RunAsync();

    [Fact]
    public Task A_name_that_differs_by_more_than_case_and_separators_does_not_match() =>
        Test(Weather, new OnnxBuilder().Input("temp_maximum", OnnxBuilder.Float, "N", 1L).Input("wind speed", OnnxBuilder.Float, "N", 1L).BuildBase64())
            .WithExpected(Mismatch(NoProperty("temp_maximum") + "; " + NoProperty("wind speed")
                + "; feature 'TempMax' is not an input of the model; feature 'Wind' is not an input of the model", type: "Shop.Day"))
            .RunAsync();

    [Fact]
    public Task A_property_that_matches_several_inputs_is_ambiguous_not_a_guess() =>
        Test(Weather, new OnnxBuilder().Input("temp_max", OnnxBuilder.Float, "N", 1L).Input("TempMax", OnnxBuilder.Float, "N", 1L).Input("wind", OnnxBuilder.Float, "N", 1L).BuildBase64())
            .WithExpected(Mismatch("'TempMax' matches several inputs (temp_max, TempMax); name one with [OnnxInput]; "
                + NoProperty("temp_max") + "; " + NoProperty("TempMax") + "; feature 'TempMax' is not an input of the model", type: "Shop.Day"))
            .RunAsync();

    [Fact]
    public Task OnnxInput_on_a_property_names_the_input_exactly_and_counts_as_an_input() =>
        Test(
            """
            using MonitorGen;

            [Monitor("churn")]
            public partial record Day
            {
                [DriftTest, OnnxInput("input:0")] public float High { get; init; }
                [DriftTest, OnnxInput("TempMax")] public float Wind { get; init; }
            }
            """,
            new OnnxBuilder().Input("input:0", OnnxBuilder.Float, "N", 1L).Input("TempMax", OnnxBuilder.Float, "N", 1L).BuildBase64()).RunAsync();

    [Fact]
    public Task OnnxInput_must_equal_the_graph_name_exactly() =>
        Test(
            """
            using MonitorGen;

            [Monitor("churn")]
            public partial record {|#0:Day|}
            {
                [DriftTest, OnnxInput("TEMP_MAX")] public float High { get; init; }
            }
            """,
            new OnnxBuilder().Input("temp_max", OnnxBuilder.Float, "N", 1L).BuildBase64())
            .WithExpected(Mismatch("[OnnxInput(\"TEMP_MAX\")] on 'High' names no input of the model; " + NoProperty("temp_max")
                + "; feature 'High' is not an input of the model", type: "Day"))
            .RunAsync();

    [Theory]
    [InlineData("[DriftTest, OnnxInput(\"temp_max\")] float High, [DriftTest] float Wind")]
    [InlineData("[property: DriftTest, OnnxInput(\"temp_max\")] float High, [DriftTest] float Wind")]
    [InlineData("[DriftTest] float Wind, [property: OnnxInput(\"temp_max\")] [DriftTest] double High")]
    public Task OnnxInput_on_a_positional_record_parameter_or_its_property(string parameters) =>
        Test(
            $$"""
            using MonitorGen;

            [Monitor("churn")]
            public partial record Day({{parameters}});
            """,
            new OnnxBuilder().Input("temp_max", OnnxBuilder.Float, "N", 1L).Input("wind", OnnxBuilder.Float, "N", 1L).BuildBase64()).RunAsync();

    [Fact]
    public Task A_positional_parameter_without_OnnxInput_does_not_match_a_renamed_input() =>
        Test(
            """
            using MonitorGen;

            [Monitor("churn")]
            public partial record {|#0:Day|}([DriftTest] float High, [DriftTest] float Wind);
            """,
            new OnnxBuilder().Input("temp_max", OnnxBuilder.Float, "N", 1L).Input("wind", OnnxBuilder.Float, "N", 1L).BuildBase64())
            .WithExpected(Mismatch(NoProperty("temp_max") + "; feature 'High' is not an input of the model", type: "Day"))
            .RunAsync();

    [Fact]
    public Task OnnxIgnore_leaves_a_matching_property_out() =>
        Test(
            """
            using MonitorGen;

            [Monitor("churn")]
            public partial record Day
            {
                [OnnxIgnore] public float TempMax { get; init; }
                [DriftTest, OnnxInput("temp_max")] public double High { get; init; }
            }
            """,
            new OnnxBuilder().Input("temp_max", OnnxBuilder.Float, "N", 1L).BuildBase64()).RunAsync();

    [Fact]
    public Task Without_OnnxIgnore_two_properties_feed_one_input()
    {
        const string source = """
            using MonitorGen;

            [Monitor("churn")]
            public partial record {|#0:Day|}
            {
                public float TempMax { get; init; }
                [DriftTest, OnnxInput("temp_max")] public double High { get; init; }
            }
            """;
        return Test(source, new OnnxBuilder().Input("temp_max", OnnxBuilder.Float, "N", 1L).BuildBase64())
            .WithExpected(Mismatch("input 'temp_max' is fed by both 'TempMax' and 'High'; feature 'High' is not an input of the model", type: "Day"))
            .RunAsync();
    }

    [Fact]
    public Task An_ignored_monitored_feature_is_not_an_input() =>
        Test(
            """
            using MonitorGen;

            [Monitor("churn")]
            public partial record {|#0:Day|}
            {
                [DriftTest, OnnxIgnore] public float TempMax { get; init; }
            }
            """,
            new OnnxBuilder().Input("temp_max", OnnxBuilder.Float, "N", 1L).BuildBase64())
            .WithExpected(Mismatch(NoProperty("temp_max") + "; feature 'TempMax' is not an input of the model", type: "Day"))
            .RunAsync();

    [Fact]
    public Task Inherited_properties_feed_inputs_as_at_run_time() =>
        Test(
            """
            using MonitorGen;

            public record Measurements
            {
                public float Wind { get; init; }
            }

            [Monitor("churn")]
            public partial record Day : Measurements
            {
                [DriftTest] public float TempMax { get; init; }
            }
            """,
            new OnnxBuilder().Input("temp_max", OnnxBuilder.Float, "N", 1L).Input("wind", OnnxBuilder.Float, "N", 1L).BuildBase64()).RunAsync();

    [Fact]
    public Task An_input_that_is_not_a_tensor() =>
        Test(Record, new OnnxBuilder().SequenceInput("age").Input("plan", OnnxBuilder.Int64, "N", 1L).Input("Visits", OnnxBuilder.Int64, "N", 1L).BuildBase64())
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

            public enum Tier { Free, Paid }

            [Monitor("churn")]
            public partial record {|#0:Input|}([DriftTest] float Age, [DriftTest] Tier Plan, [Expect(Min = 0)] long Visits);

            [Monitor("churn")]
            public partial record Output([DriftTest] double Score);
            """;
        return Test(source, Matching().Input("tenure", OnnxBuilder.Float, "N", 1L).BuildBase64()).WithExpected(Mismatch(NoProperty("tenure"))).RunAsync();
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
            Mismatch(NoProperty("tenure")).WithSeverity(DiagnosticSeverity.Error),
            new DiagnosticResult(DiagnosticDescriptors.OnnxInputMismatch).WithSpan("/0/churn2.onnx.base64", 1, 1, 1, 1).WithSeverity(DiagnosticSeverity.Error)
                .WithMessage("ONNX model 'churn2.onnx' cannot be read: wire type 7 at offset 1 (not an ONNX file?)"))
            .RunAsync();
    }
}
