using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Verify = MonitorGen.Analyzers.Tests.Verifiers.AnalyzerTest<MonitorGen.Analyzers.DriftMethodDoesNotFitFeatureAnalyzer>;

namespace MonitorGen.Analyzers.Tests;

public sealed class MG0002DriftMethodDoesNotFitFeatureTests
{
    [Fact]
    public Task Numerical_only_method_on_categorical_features_is_reported_at_the_argument() => Verify.VerifyAsync(
        """
        using MonitorGen;

        public enum Plan { Free, Pro }

        [Monitor("churn")]
        public partial record Input([DriftTest({|#0:DriftMethod.Ks|})] string Country)
        {
            [DriftTest({|#1:DriftMethod.Wasserstein|})] public Plan Plan { get; init; }
            [DriftTest({|#2:DriftMethod.MannWhitney|}, Threshold = 0.05)] public bool? Churned { get; init; }
        }
        """,
        Verify.Diagnostic().WithLocation(0)
            .WithMessage("[DriftTest] on 'Country': DriftMethod.Ks tests numerical samples only and cannot test a feature of type 'string' (string)"),
        Verify.Diagnostic().WithLocation(1)
            .WithMessage("[DriftTest] on 'Plan': DriftMethod.Wasserstein tests numerical samples only and cannot test a feature of type 'Plan' (enum)"),
        Verify.Diagnostic().WithLocation(2)
            .WithMessage("[DriftTest] on 'Churned': DriftMethod.MannWhitney tests numerical samples only and cannot test a feature of type 'bool' (bool)"));

    [Theory]
    [InlineData("ChiSquare", "double")]
    [InlineData("ChiSquare", "float?")]
    [InlineData("GTest", "decimal")]
    public Task Category_count_test_on_a_continuous_feature_is_reported(string method, string type) => Verify.VerifyAsync(
        $$"""
        using MonitorGen;

        [Monitor("churn")]
        public partial record Input([DriftTest({|#0:DriftMethod.{{method}}|})] {{type}} Income);
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage(
            $"[DriftTest] on 'Income': DriftMethod.{method} counts categories and cannot test the continuous type '{type.TrimEnd('?')}'; use Auto, a rank test (Ks, …) or a distance (Wasserstein, Psi, …), or mark the feature [DriftTest(Categorical = true)] if its values are categories"));

    [Theory]
    [InlineData("ChiSquare", "double")]
    [InlineData("GTest", "float?")]
    [InlineData("ChiSquare", "decimal")]
    [InlineData("JensenShannon", "double")]
    [InlineData("Psi", "double?")]
    [InlineData("KlDiv", "float")]
    [InlineData("Hellinger", "decimal?")]
    [InlineData("Tvd", "int")]
    [InlineData("Auto", "double")]
    public Task Categorical_methods_on_a_number_marked_categorical_are_not_reported(string method, string type) => Verify.VerifyAsync(
        $$"""
        using MonitorGen;

        [Monitor("listings")]
        public partial record Input([DriftTest(DriftMethod.{{method}}, Categorical = true, MaxCategories = 20)] {{type}} Rooms);
        """);

    [Theory]
    [InlineData("Ks")]
    [InlineData("Wasserstein")]
    [InlineData("AndersonDarling")]
    [InlineData("CramerVonMises")]
    [InlineData("MannWhitney")]
    [InlineData("TTest")]
    [InlineData("EppsSingleton")]
    [InlineData("EnergyDistance")]
    [InlineData("EmpiricalMmd")]
    public Task Numerical_only_method_on_a_number_marked_categorical_is_reported(string method) => Verify.VerifyAsync(
        $$"""
        using MonitorGen;

        [Monitor("listings")]
        public partial record Input([DriftTest({|#0:DriftMethod.{{method}}|}, Categorical = true, MaxCategories = 20)] double Rating);
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage(
            $"[DriftTest] on 'Rating': DriftMethod.{method} tests numerical samples only and cannot test a feature of type 'double' (numeric, marked Categorical)"));

    [Fact]
    public Task Categorical_false_keeps_a_number_numerical_and_Categorical_on_categories_is_ignored() => Verify.VerifyAsync(
        """
        using MonitorGen;

        public enum Plan { Free, Pro }

        [Monitor("listings")]
        public partial record Input(
            [DriftTest({|#0:DriftMethod.ChiSquare|}, Categorical = false)] double Rating,
            [DriftTest(DriftMethod.Ks, Categorical = false)] double Price,
            [DriftTest({|#1:DriftMethod.Ks|}, Categorical = true)] Plan Plan,
            [DriftTest(DriftMethod.ChiSquare, Categorical = true, MaxCategories = 10)] string City,
            [DriftTest(DriftMethod.Z, Categorical = true)] bool Churned);
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Rating", "DriftMethod.ChiSquare counts categories and cannot test the continuous type 'double'; use Auto, a rank test (Ks, …) or a distance (Wasserstein, Psi, …), or mark the feature [DriftTest(Categorical = true)] if its values are categories"),
        Verify.Diagnostic().WithLocation(1).WithArguments("Plan", "DriftMethod.Ks tests numerical samples only and cannot test a feature of type 'Plan' (enum)"));

    [Fact]
    public Task Two_proportion_test_on_a_number_marked_categorical_is_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("listings")]
        public partial record Input([DriftTest({|#0:DriftMethod.Z|}, Categorical = true, MaxCategories = 2)] int Flag);
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage(
            "[DriftTest] on 'Flag': DriftMethod.Z compares two proportions and needs a bool or a two-valued enum, not 'int'"));

    [Theory]
    [InlineData("Z", "int")]
    [InlineData("FisherExact", "double")]
    [InlineData("Z", "string")]
    [InlineData("FisherExact", "Plan")]
    [InlineData("Z", "Plan?")]
    public Task Two_proportion_test_on_a_feature_that_is_not_binary_is_reported(string method, string type) => Verify.VerifyAsync(
        $$"""
        using MonitorGen;

        public enum Plan { Free, Pro, Team }

        [Monitor("churn")]
        public partial record Input([DriftTest({|#0:DriftMethod.{{method}}|}, MaxCategories = 5)] {{type}} Value);
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage(
            $"[DriftTest] on 'Value': DriftMethod.{method} compares two proportions and needs a bool or a two-valued enum, not '{type.TrimEnd('?')}'"));

    [Fact]
    public Task Applicable_methods_are_not_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        public enum Plan { Free, Pro }
        public enum Tier { Basic = 1, Premium = 2, Gold = Premium }

        [Monitor("churn")]
        public partial record Input(
            [DriftTest(DriftMethod.Ks)] double Age,
            [DriftTest(DriftMethod.ChiSquare)] int Visits,
            [DriftTest(DriftMethod.GTest)] long? Orders,
            [DriftTest(DriftMethod.Psi)] Plan Plan,
            [DriftTest(DriftMethod.Z)] bool Churned,
            [DriftTest(DriftMethod.FisherExact)] Plan? MaybePlan,
            [DriftTest(DriftMethod.Z)] Tier Tier,
            [DriftTest(DriftMethod.ChiSquare)] string Country,
            [DriftTest(DriftMethod.JensenShannon)] decimal? Spend,
            [DriftTest(DriftMethod.EmpiricalMmd)] float Score,
            [DriftTest] double Income);
        """);

    [Fact]
    public Task Method_outside_the_enum_is_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial class Input
        {
            [DriftTest({|#0:(DriftMethod)99|})] public double Age { get; set; }
            [DriftTest({|#1:(DriftMethod)(-1)|})] public double Income { get; set; }
            [DriftTest({|#2:(DriftMethod)999|})] public bool Churned { get; set; }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage("[DriftTest] on 'Age': 99 is not a defined DriftMethod value"),
        Verify.Diagnostic().WithLocation(1).WithMessage("[DriftTest] on 'Income': -1 is not a defined DriftMethod value"),
        Verify.Diagnostic().WithLocation(2).WithMessage("[DriftTest] on 'Churned': 999 is not a defined DriftMethod value"));

    [Fact]
    public Task Unsupported_types_and_unmonitored_types_are_left_to_other_rules() => Verify.VerifyAsync(
        """
        using System;
        using MonitorGen;

        [Monitor("churn")]
        public partial class Input
        {
            [DriftTest(DriftMethod.Z)] public DateTime When { get; set; }
        }

        public class Plain
        {
            [DriftTest(DriftMethod.Ks)] public string? Country { get; set; }
        }
        """);

    [Fact]
    public void Descriptor_is_an_error_with_a_help_link()
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.DriftMethodDoesNotFitFeature;
        Assert.Equal("MG0002", descriptor.Id);
        Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        Assert.Equal("https://github.com/MonitorGen/MonitorGen/blob/main/docs/diagnostics/MG0002.md", descriptor.HelpLinkUri);
    }
}
