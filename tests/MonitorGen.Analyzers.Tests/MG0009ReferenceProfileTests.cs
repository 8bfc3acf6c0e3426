using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using DiagnosticResult = Microsoft.CodeAnalysis.Testing.DiagnosticResult;
using MonitorGen.Analyzers.Tests.Verifiers;

namespace MonitorGen.Analyzers.Tests;

/// <summary>MG0009: a reference profile that does not match its record, or is not a valid profile.</summary>
public sealed class MG0009ReferenceProfileTests
{
    private const string Record = """
        using MonitorGen;

        namespace Shop;

        [Monitor("churn")]
        public partial record {|#0:Input|}([DriftTest] double Age, [DriftTest] string? Plan, [Expect(Min = 0)] int Visits, [NotMonitored] string? Id);
        """;

    private const string ProfilePath = "/0/churn.monitorprofile.json";

    private static readonly string Hash = SchemaFiles.GeneratedHash(Record, "Shop.Input");

    private static AnalyzerTest<ReferenceProfileAnalyzer> Test(string source, string profile, bool strict = false)
    {
        var test = new AnalyzerTest<ReferenceProfileAnalyzer>(source, strict);
        test.TestState.AdditionalFiles.Add((ProfilePath, profile));
        return test;
    }

    private static DiagnosticResult Mismatch(string problems, int location = 0) =>
        new DiagnosticResult(DiagnosticDescriptors.ReferenceProfileMismatch).WithLocation(location)
            .WithMessage($"Reference profile 'churn.monitorprofile.json' does not match 'Shop.Input': {problems}. Refit the profile, or change the record back");

    private static DiagnosticResult Corrupt(string problem, int line, int column, string path = ProfilePath) =>
        new DiagnosticResult(DiagnosticDescriptors.ReferenceProfileMismatch).WithLocation(path, line, column)
            .WithMessage($"Reference profile '{System.IO.Path.GetFileName(path)}' is not a valid profile: {problem}");

    private static DiagnosticResult CorruptFile(string problem, string path = ProfilePath) =>
        new DiagnosticResult(DiagnosticDescriptors.ReferenceProfileMismatch).WithSpan(path, 1, 1, 1, 1)
            .WithMessage($"Reference profile '{System.IO.Path.GetFileName(path)}' is not a valid profile: {problem}");

    [Fact]
    public Task A_profile_written_by_the_runtime_for_the_record_matches() =>
        Test(Record, SchemaFiles.Profile("churn", "Shop.Input", Hash, ("Age", FeatureKind.Numerical), ("Plan", FeatureKind.Categorical), ("Visits", FeatureKind.Numerical))).RunAsync();

    [Fact]
    public Task A_feature_missing_from_the_profile() =>
        Test(Record, SchemaFiles.Profile("churn", "Shop.Input", Hash, ("Age", FeatureKind.Numerical), ("Plan", FeatureKind.Categorical)))
            .WithExpected(Mismatch("feature 'Visits' is not in the profile")).RunAsync();

    [Fact]
    public Task An_extra_feature_in_the_profile() =>
        Test(Record, SchemaFiles.Profile("churn", "Shop.Input", Hash, ("Age", FeatureKind.Numerical), ("Plan", FeatureKind.Categorical), ("Visits", FeatureKind.Numerical), ("Id", FeatureKind.Categorical)))
            .WithExpected(Mismatch("feature 'Id' is in the profile but not in the type")).RunAsync();

    [Fact]
    public Task A_number_marked_categorical_after_the_fit_is_a_mismatched_kind() =>
        Test(MarkedRecord, SchemaFiles.Profile("churn", "Shop.Input", Hash, ("Age", FeatureKind.Numerical), ("Plan", FeatureKind.Categorical), ("Visits", FeatureKind.Numerical)))
            .WithExpected(Mismatch("feature 'Age' is Categorical in the type but Numerical in the profile")).RunAsync();

    [Fact]
    public Task A_profile_fitted_on_the_number_marked_categorical_matches() =>
        Test(MarkedRecord, SchemaFiles.Profile("churn", "Shop.Input", SchemaFiles.GeneratedHash(MarkedRecord, "Shop.Input"),
            ("Age", FeatureKind.Categorical), ("Plan", FeatureKind.Categorical), ("Visits", FeatureKind.Numerical))).RunAsync();

    private static string MarkedRecord => Record.Replace("[DriftTest] double Age", "[DriftTest(Categorical = true, MaxCategories = 120)] double Age", System.StringComparison.Ordinal);

    [Fact]
    public Task A_mismatched_kind() =>
        Test(Record, SchemaFiles.Profile("churn", "Shop.Input", Hash, ("Age", FeatureKind.Categorical), ("Plan", FeatureKind.Categorical), ("Visits", FeatureKind.Numerical)))
            .WithExpected(Mismatch("feature 'Age' is Numerical in the type but Categorical in the profile")).RunAsync();

    [Fact]
    public Task The_same_features_in_another_order_differ_only_in_the_schema_hash()
    {
        string reordered = SchemaFiles.GeneratedHash(Record.Replace("[DriftTest] double Age, [DriftTest] string? Plan", "[DriftTest] string? Plan, [DriftTest] double Age"), "Shop.Input");
        Assert.NotEqual(Hash, reordered);
        return Test(Record, SchemaFiles.Profile("churn", "Shop.Input", reordered, ("Plan", FeatureKind.Categorical), ("Age", FeatureKind.Numerical), ("Visits", FeatureKind.Numerical)))
            .WithExpected(Mismatch($"schema hash {reordered} differs from the type's {Hash}")).RunAsync();
    }

    [Fact]
    public Task Several_problems_are_listed_in_one_diagnostic() =>
        Test(Record, SchemaFiles.Profile("churn", "Shop.Input", "0000000000000000", ("Plan", FeatureKind.Numerical), ("Old", FeatureKind.Numerical)))
            .WithExpected(Mismatch("feature 'Age' is not in the profile; feature 'Plan' is Categorical in the type but Numerical in the profile; feature 'Visits' is not in the profile; feature 'Old' is in the profile but not in the type"))
            .RunAsync();

    [Fact]
    public Task A_profile_of_the_type_fitted_for_another_model_name() =>
        Test(Record, SchemaFiles.Profile("attrition", "Shop.Input", Hash, ("Age", FeatureKind.Numerical), ("Plan", FeatureKind.Categorical), ("Visits", FeatureKind.Numerical)))
            .WithExpected(Mismatch("it was fitted for model 'attrition', not 'churn'")).RunAsync();

    [Fact]
    public Task A_profile_of_a_renamed_type_is_compared_with_the_model_type_that_has_no_profile()
    {
        const string source = """
            using MonitorGen;

            namespace Shop;

            [Monitor("churn")]
            public partial record {|#0:Input|}([DriftTest] double Age, [DriftTest] string? Plan, [Expect(Min = 0)] int Visits, [NotMonitored] string? Id);

            [Monitor("churn")]
            public partial record Output([DriftTest] double Score);
            """;
        string outputHash = SchemaFiles.GeneratedHash(source, "Shop.Output");
        AnalyzerTest<ReferenceProfileAnalyzer> test = Test(source, SchemaFiles.Profile("churn", "Shop.OldInput", "0000000000000000", ("Age", FeatureKind.Numerical), ("Plan", FeatureKind.Categorical), ("Visits", FeatureKind.Numerical)));
        test.TestState.AdditionalFiles.Add(("/0/output.monitorprofile.json", SchemaFiles.Profile("churn", "Shop.Output", outputHash, ("Score", FeatureKind.Numerical))));
        return test.WithExpected(Mismatch($"it was fitted on type 'Shop.OldInput'; schema hash 0000000000000000 differs from the type's {Hash}")).RunAsync();
    }

    [Fact]
    public Task A_profile_of_another_model_is_ignored() =>
        Test(Record, SchemaFiles.Profile("fraud", "Bank.Transaction", "0000000000000000", ("Amount", FeatureKind.Numerical))).RunAsync();

    [Fact]
    public Task Item_metadata_maps_a_profile_to_a_model()
    {
        AnalyzerTest<ReferenceProfileAnalyzer> test = Test(Record, SchemaFiles.Profile("churn-v2", "Shop.RenamedInput", Hash, ("Age", FeatureKind.Numerical)));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", SchemaFiles.Metadata((ProfilePath, "MonitorGenModel", "churn"))));
        return test.WithExpected(Mismatch(
            $"it was fitted for model 'churn-v2', not 'churn'; it was fitted on type 'Shop.RenamedInput'; feature 'Plan' is not in the profile; feature 'Visits' is not in the profile")).RunAsync();
    }

    [Fact]
    public Task Files_that_are_not_profiles_are_not_read()
    {
        var test = new AnalyzerTest<ReferenceProfileAnalyzer>(Record);
        test.TestState.AdditionalFiles.Add(("/0/churn.json", "not json"));
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", "{}"));
        return test.RunAsync();
    }

    [Fact]
    public Task Invalid_attribute_arguments_leave_the_feature_out_as_the_generator_does()
    {
        const string source = """
            using MonitorGen;

            namespace Shop;

            [Monitor("churn")]
            public partial record {|#0:Input|}([DriftTest] double Age, [DriftTest(DriftMethod.Ks)] string? Plan, [Expect(Min = 2, Max = 1)] int Visits);
            """;
        string hash = SchemaFiles.GeneratedHash(source, "Shop.Input");
        return Test(source, SchemaFiles.Profile("churn", "Shop.Input", hash, ("Age", FeatureKind.Numerical))).RunAsync();
    }

    [Fact]
    public Task Nested_types_and_the_global_namespace_use_the_generator_type_name()
    {
        const string source = """
            using MonitorGen;

            public partial class Outer
            {
                [Monitor("churn")]
                public partial record {|#0:Input|}([DriftTest] bool Active, [DriftTest] System.DayOfWeek Day, [DriftTest] decimal? Spend);
            }
            """;
        string hash = SchemaFiles.GeneratedHash(source, "Outer.Input");
        return Test(source, SchemaFiles.Profile("churn", "Outer.Input", hash, ("Active", FeatureKind.Categorical), ("Day", FeatureKind.Categorical), ("Spend", FeatureKind.Numerical))).RunAsync();
    }

    [Theory]
    [InlineData("{ \"formatVersion\": 1, \"modelName\": \"churn\", \"schemaHash\": \"x\", \"features\": [ { \"name\": \"Age\" ", 1, 94, "the file ends inside an object (truncated?)")]
    [InlineData("{ \"formatVersion\": 1,\n  \"modelName\": \"churn\" \"schemaHash\": \"x\" }", 2, 24, "expected ',' or '}'")]
    [InlineData("{ \"modelName\": \"churn\", \"features\": [ { \"name\": \"Age\", \"kind\": \"Ordinal\" } ] }", 1, 64, "a feature has an unknown kind \"Ordinal\" (expected \"Numerical\" or \"Categorical\")")]
    [InlineData("[1, 2]", 1, 1, "the document is not a JSON object")]
    [InlineData("{ \"modelName\": \"churn\", \"schemaHash\": \"x\" } trailing", 1, 45, "unexpected content after the end of the document")]
    [InlineData("{ \"modelName\": \"ch\u0001urn\" }", 1, 19, "a control character inside a string")]
    [InlineData("{ \"formatVersion\": \"1\" }", 1, 20, "'formatVersion' is not a number")]
    [InlineData("{ \"features\": [ 3 ] }", 1, 17, "an element of 'features' is not an object")]
    [InlineData("{ \"features\": null }", 1, 15, "'features' is not an array")]
    public Task A_file_that_is_not_valid_JSON_is_reported_where_it_breaks(string json, int line, int column, string problem) =>
        Test(Record, json).WithExpected(Corrupt(problem, line, column)).RunAsync();

    [Theory]
    [InlineData("{ \"formatVersion\": 2, \"modelName\": \"churn\", \"schemaHash\": \"x\", \"features\": [] }", "format version 2 is not supported (MonitorGen reads version 1)")]
    [InlineData("{ \"schemaHash\": \"x\", \"features\": [] }", "modelName is missing")]
    [InlineData("{ \"modelName\": \"churn\", \"schemaHash\": null }", "schemaHash is missing")]
    [InlineData("{ \"modelName\": \"churn\", \"schemaHash\": \"x\", \"features\": [ { \"kind\": \"Numerical\" } ] }", "a feature has no name")]
    [InlineData("{ \"modelName\": \"churn\", \"schemaHash\": \"x\", \"features\": [ { \"name\": \"A\" }, { \"name\": \"A\" } ] }", "feature 'A' appears twice")]
    public Task A_valid_JSON_file_that_is_not_a_valid_profile_is_reported_on_the_file(string json, string problem) =>
        Test(Record, json).WithExpected(CorruptFile(problem)).RunAsync();

    [Fact]
    public Task An_empty_file_is_reported() =>
        Test(Record, string.Empty).WithExpected(new DiagnosticResult(DiagnosticDescriptors.ReferenceProfileMismatch).WithSpan(ProfilePath, 1, 1, 1, 1)
            .WithMessage("Reference profile 'churn.monitorprofile.json' is not a valid profile: the file is empty")).RunAsync();

    [Fact]
    public Task Nesting_deeper_than_the_limit_is_reported_not_followed() =>
        Test(Record, "{ \"x\": " + new string('[', 200) + new string(']', 200) + " }")
            .WithExpected(Corrupt("values are nested deeper than 64 levels", 1, 71)).RunAsync();

    [Fact]
    public Task Strict_mode_reports_mismatches_and_corrupt_files_as_errors()
    {
        AnalyzerTest<ReferenceProfileAnalyzer> test = Test(Record, SchemaFiles.Profile("churn", "Shop.Input", Hash, ("Age", FeatureKind.Numerical), ("Plan", FeatureKind.Categorical)), strict: true);
        test.TestState.AdditionalFiles.Add(("/0/broken.monitorprofile.json", "{"));
        return test.WithExpected(
            Mismatch("feature 'Visits' is not in the profile").WithSeverity(DiagnosticSeverity.Error),
            new DiagnosticResult(DiagnosticDescriptors.ReferenceProfileMismatch).WithSpan("/0/broken.monitorprofile.json", 1, 2, 1, 2).WithSeverity(DiagnosticSeverity.Error)
                .WithMessage("Reference profile 'broken.monitorprofile.json' is not a valid profile: the file ends where a property name was expected (truncated?)"))
            .RunAsync();
    }
}
