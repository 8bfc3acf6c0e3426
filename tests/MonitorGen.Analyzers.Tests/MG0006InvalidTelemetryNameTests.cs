using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Verify = MonitorGen.Analyzers.Tests.Verifiers.AnalyzerTest<MonitorGen.Analyzers.InvalidTelemetryNameAnalyzer>;

namespace MonitorGen.Analyzers.Tests;

public sealed class MG0006InvalidTelemetryNameTests
{
    private const string ModelSyntax = "must start with an ASCII letter and contain only ASCII letters, digits, '_', '.', '-' and '/', at most 255 characters";

    [Theory]
    [InlineData("\"\"", "the model name must not be null or empty")]
    [InlineData("null", "the model name must not be null or empty")]
    [InlineData("null!", "the model name must not be null or empty")]
    [InlineData("\"   \"", "the model name '   ' " + ModelSyntax)]
    [InlineData("\"churn model\"", "the model name 'churn model' " + ModelSyntax)]
    [InlineData("\"1churn\"", "the model name '1churn' " + ModelSyntax)]
    [InlineData("\"_churn\"", "the model name '_churn' " + ModelSyntax)]
    [InlineData("\"churn:v2\"", "the model name 'churn:v2' " + ModelSyntax)]
    [InlineData("\"Kündigung\"", "the model name 'Kündigung' " + ModelSyntax)]
    public Task Model_name_outside_the_instrument_name_syntax_is_reported(string modelName, string reason) => Verify.VerifyAsync(
        $$"""
        using MonitorGen;

        [Monitor({|#0:{{modelName}}|})]
        public partial record Input([DriftTest] double Age);
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage("Invalid name on 'Input': " + reason));

    [Fact]
    public Task Model_name_of_256_characters_is_reported_and_255_is_not() => Verify.VerifyAsync(
        $$"""
        using MonitorGen;

        [Monitor({|#0:"{{new string('m', 256)}}"|})]
        public partial record A([DriftTest] double Age);

        [Monitor("{{new string('m', 255)}}")]
        public partial record B([DriftTest] double Age);
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage($"Invalid name on 'A': the model name '{new string('m', 256)}' " + ModelSyntax));

    [Fact]
    public Task Valid_names_are_not_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("Churn-model_v2.1/eu", Version = "not checked: 2.0 beta")]
        public partial record Input(
            [DriftTest] double Age,
            [Expect(Min = 0)] double Income,
            [KpiMetric("latency")] double Latency,
            [KpiMetric("order.total_value.v2", Unit = "{USD}")] double Total,
            [KpiMetric("a_1.b")] double Other,
            [NotMonitored] double _ignored,
            double Größe)
        {
            [DriftTest] public int @event { get; init; }
        }
        """);

    [Fact]
    public Task Feature_names_outside_the_syntax_are_reported_at_the_member() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial record Input([DriftTest] double {|#0:_age|}, [Expect(Min = 0)] double {|#1:Größe|})
        {
            [KpiMetric("spend")] public double _spend { get; init; }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage(
            "Invalid name on '_age': the feature name '_age' must start with an ASCII letter and contain only ASCII letters, digits and '_', at most 255 characters"),
        Verify.Diagnostic().WithLocation(1).WithMessage(
            "Invalid name on 'Größe': the feature name 'Größe' must start with an ASCII letter and contain only ASCII letters, digits and '_', at most 255 characters"));

    [Theory]
    [InlineData("\"\"", "the KPI name must not be null or empty")]
    [InlineData("null", "the KPI name must not be null or empty")]
    [InlineData("\"Latency\"", "the KPI name 'Latency' must match ^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$ (lower case, dot separated), at most 240 characters")]
    [InlineData("\"1st\"", "the KPI name '1st' must match ^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$ (lower case, dot separated), at most 240 characters")]
    [InlineData("\"a..b\"", "the KPI name 'a..b' must match ^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$ (lower case, dot separated), at most 240 characters")]
    [InlineData("\"a.\"", "the KPI name 'a.' must match ^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$ (lower case, dot separated), at most 240 characters")]
    [InlineData("\"order-total\"", "the KPI name 'order-total' must match ^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$ (lower case, dot separated), at most 240 characters")]
    [InlineData("\" \"", "the KPI name ' ' must match ^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$ (lower case, dot separated), at most 240 characters")]
    public Task Malformed_KPI_name_is_reported(string name, string reason) => Verify.VerifyAsync(
        $$"""
        using MonitorGen;

        [Monitor("churn")]
        public partial record Input([KpiMetric({|#0:{{name}}|})] double Spend);
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage("Invalid name on 'Spend': " + reason));

    [Fact]
    public Task KPI_name_must_leave_room_for_the_instrument_prefix() => Verify.VerifyAsync(
        $$"""
        using MonitorGen;

        [Monitor("churn")]
        public partial record Input([KpiMetric({|#0:"{{new string('k', 241)}}"|})] double Spend, [KpiMetric("{{new string('k', 240)}}")] double Fits);
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage(
            $"Invalid name on 'Spend': the KPI name '{new string('k', 241)}' must match ^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$ (lower case, dot separated), at most 240 characters"));

    [Fact]
    public Task Two_KPIs_of_one_model_with_the_same_name_are_reported_at_the_second() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial record Input([KpiMetric("latency")] double Latency, [KpiMetric({|#0:"latency"|})] double Duration)
        {
            [KpiMetric({|#1:"latency"|}, Unit = "s")] public float Seconds { get; init; }
        }

        [Monitor("other")]
        public partial record Other([KpiMetric("latency")] double Latency);
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage(
            "Invalid name on 'Duration': the KPI name 'latency' is already used by 'Latency'; each KPI of a model needs its own histogram"),
        Verify.Diagnostic().WithLocation(1).WithArguments("Seconds", "the KPI name 'latency' is already used by 'Latency'; each KPI of a model needs its own histogram"));

    [Fact]
    public void Descriptor_is_an_error_with_a_help_link()
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.InvalidTelemetryName;
        Assert.Equal("MG0006", descriptor.Id);
        Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        Assert.Equal("https://github.com/MonitorGen/MonitorGen/blob/main/docs/diagnostics/MG0006.md", descriptor.HelpLinkUri);
    }
}
