using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = MonitorGen.Analyzers.Tests.Verifiers.AnalyzerTest<MonitorGen.Analyzers.PredictionDeclarationAnalyzer>;

namespace MonitorGen.Analyzers.Tests;

/// <summary>MG0014, MG0015 and MG0016: the prediction declaration of a monitored record.</summary>
public sealed class PredictionDeclarationTests
{
    private static DiagnosticResult Rule(DiagnosticDescriptor descriptor, int location) => new DiagnosticResult(descriptor).WithLocation(location);

    [Fact]
    public Task A_classifier_and_a_regressor_declared_once_each_are_not_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        public enum Weather { Rain, Sun }

        [Monitor("weather")]
        public partial record Forecast
        {
            [Prediction(Score = nameof(Confidence), Id = nameof(RequestId)), DriftTest] public Weather Weather { get; init; }
            public float Confidence { get; init; }
            public string? RequestId { get; init; }
        }

        [Monitor("eta")]
        public partial record Eta([Prediction(Score = "Certainty")] double Minutes, double? Certainty);

        [Monitor("flags")]
        public partial record Flag([Prediction] bool Fraud, [Prediction2] string Label);

        public sealed class Prediction2Attribute : System.Attribute { }
        """);

    [Fact]
    public Task A_second_prediction_is_reported_on_the_second() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial record Churn([Prediction] bool WillChurn, [{|#0:Prediction|}] bool WillUpgrade, [{|#1:Prediction|}] bool WillLeave);
        """,
        Rule(DiagnosticDescriptors.TwoPredictions, 0).WithMessage("'WillUpgrade' is a second [Prediction] of 'Churn', after 'WillChurn': a record has one"),
        Rule(DiagnosticDescriptors.TwoPredictions, 1).WithArguments("WillLeave", "Churn", "WillChurn"));

    [Fact]
    public Task A_score_or_id_that_names_no_member_or_one_of_the_wrong_type_is_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial class Churn
        {
            [Prediction({|#0:Score = nameof(Confidence)|}, {|#1:Id = nameof(RequestId)|})] public bool WillChurn { get; set; }
            public string Confidence { get; set; } = "";
            public System.Guid RequestId { get; set; }
        }

        [Monitor("other")]
        public partial record Other([Prediction({|#2:Score = "Missing"|})] bool Yes);
        """,
        Rule(DiagnosticDescriptors.PredictionMemberType, 0).WithMessage("[Prediction(Score = \"Confidence\")] is of type 'string', but a score must be a number"),
        Rule(DiagnosticDescriptors.PredictionMemberType, 1).WithMessage("[Prediction(Id = \"RequestId\")] is of type 'Guid', but an id must be a string"),
        Rule(DiagnosticDescriptors.PredictionMemberType, 2).WithMessage("[Prediction(Score = \"Missing\")] names no public instance property of the record"));

    [Fact]
    public Task A_prediction_a_label_cannot_be_compared_with_is_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("eta")]
        public partial record Eta([{|#0:Prediction|}] System.DateTime Arrival);

        [Monitor("tags")]
        public partial record Tags([{|#1:Prediction|}] string[] Labels);
        """,
        Rule(DiagnosticDescriptors.PredictionNotComparable, 0).WithMessage(
            "[Prediction] 'Arrival' is of type 'DateTime', which a label cannot be compared with: use an enum, string or bool (a class) or a number"),
        Rule(DiagnosticDescriptors.PredictionNotComparable, 1).WithArguments("Labels", "string[]"));

    [Fact]
    public Task Outside_a_monitored_record_nothing_is_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        public record Plain([Prediction] System.DateTime A, [Prediction] System.DateTime B);
        """);
}
