using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using MonitorGen.CodeFixes;
using FixTest = MonitorGen.Analyzers.Tests.Verifiers.CodeFixTest<MonitorGen.Analyzers.MissingCategoryCapAnalyzer, MonitorGen.CodeFixes.AddCategoryCapCodeFixProvider>;
using Verify = MonitorGen.Analyzers.Tests.Verifiers.AnalyzerTest<MonitorGen.Analyzers.MissingCategoryCapAnalyzer>;

namespace MonitorGen.Analyzers.Tests;

public sealed class MG0008MissingCategoryCapTests
{
    [Fact]
    public Task String_feature_without_a_cap_is_reported_at_the_attribute() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial record Input([{|#0:DriftTest|}] string Country, [property: {|#1:DriftTest(DriftMethod.Psi, Threshold = 0.2)|}] string? City)
        {
            [{|#2:DriftTest()|}] public string? Browser { get; init; }
        }
        """,
        Verify.Diagnostic().WithLocation(0)
            .WithMessage("Categorical feature 'Country' is drift-tested without a category cap; set [DriftTest(MaxCategories = n)]")
            .WithSeverity(DiagnosticSeverity.Warning),
        Verify.Diagnostic().WithLocation(1).WithArguments("City"),
        Verify.Diagnostic().WithLocation(2).WithArguments("Browser"));

    [Fact]
    public Task Capped_strings_other_kinds_and_unmonitored_strings_are_not_reported() => Verify.VerifyAsync(
        """
        using MonitorGen;

        public enum Plan { Free, Pro }

        [Monitor("churn")]
        public partial record Input(
            [DriftTest(MaxCategories = 50)] string Country,
            [DriftTest(DriftMethod.ChiSquare, MaxCategories = 0)] string? City,
            [DriftTest] Plan Plan,
            [DriftTest] bool Churned,
            [DriftTest] double Age,
            [NotMonitored] string? Note,
            string? Unconfigured);

        public class Plain
        {
            [DriftTest] public string? Country { get; set; }
        }
        """);

    [Fact]
    public Task Number_marked_categorical_without_a_cap_is_reported_and_numerical_numbers_are_not() => Verify.VerifyAsync(
        """
        using MonitorGen;

        [Monitor("listings")]
        public partial record Input(
            [{|#0:DriftTest(DriftMethod.ChiSquare, Categorical = true)|}] double Rating,
            [{|#1:DriftTest(Categorical = true)|}] int? Rooms,
            [DriftTest(Categorical = true, MaxCategories = 12)] double Bathrooms,
            [DriftTest(Categorical = false)] double Price,
            [DriftTest] double Area);
        """,
        Verify.Diagnostic().WithLocation(0)
            .WithMessage("Categorical feature 'Rating' is drift-tested without a category cap; set [DriftTest(MaxCategories = n)]"),
        Verify.Diagnostic().WithLocation(1).WithArguments("Rooms"));

    [Fact]
    public Task Code_fix_caps_a_number_marked_categorical() => new FixTest(
        """
        using MonitorGen;

        [Monitor("listings")]
        public partial record Input([{|MG0008:DriftTest(DriftMethod.ChiSquare, Categorical = true)|}] double Rating);
        """,
        """
        using MonitorGen;

        [Monitor("listings")]
        public partial record Input([DriftTest(DriftMethod.ChiSquare, Categorical = true, MaxCategories = 100)] double Rating);
        """,
        AddCategoryCapCodeFixProvider.AddCategoryCapKey).RunAsync();

    [Fact]
    public Task Strict_mode_reports_it_as_an_error()
    {
        var test = new Verify(
            """
            using MonitorGen;

            [Monitor("churn")]
            public partial record Input([{|#0:DriftTest|}] string Country);
            """,
            strict: true);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("Country").WithSeverity(DiagnosticSeverity.Error));
        return test.RunAsync();
    }

    [Fact]
    public Task Code_fix_adds_the_cap_with_or_without_an_argument_list_and_Fix_All_fixes_every_one() => new FixTest(
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial record Input([{|MG0008:DriftTest|}] string Country, [{|MG0008:DriftTest(DriftMethod.Psi)|}] string? City)
        {
            /// <summary>The browser.</summary>
            [{|MG0008:DriftTest()|}]
            public string? Browser { get; init; }

            [{|MG0008:DriftTest(Threshold = 0.2)|}, Expect] public string? Device { get; init; }
        }
        """,
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial record Input([DriftTest(MaxCategories = 100)] string Country, [DriftTest(DriftMethod.Psi, MaxCategories = 100)] string? City)
        {
            /// <summary>The browser.</summary>
            [DriftTest(MaxCategories = 100)]
            public string? Browser { get; init; }

            [DriftTest(Threshold = 0.2, MaxCategories = 100), Expect] public string? Device { get; init; }
        }
        """,
        AddCategoryCapCodeFixProvider.AddCategoryCapKey)
    {
        NumberOfIncrementalIterations = 4,
        NumberOfFixAllIterations = 1,
    }.RunAsync();

    [Fact]
    public Task Fix_All_in_document_project_and_solution_fixes_every_attribute()
    {
        var test = new FixTest(string.Empty, string.Empty, AddCategoryCapCodeFixProvider.AddCategoryCapKey)
        {
            NumberOfIncrementalIterations = 3,
            NumberOfFixAllInDocumentIterations = 2,
            NumberOfFixAllInProjectIterations = 1,
            NumberOfFixAllIterations = 1,
        };
        test.TestState.Sources.Clear();
        test.TestState.Sources.Add(("/0/A.cs", "using MonitorGen;\n\n[Monitor(\"a\")]\npublic partial record A([{|MG0008:DriftTest|}] string X);\n"));
        test.TestState.Sources.Add(("/0/B.cs", "using MonitorGen;\n\n[Monitor(\"b\")]\npublic partial class B\n{\n    [{|MG0008:DriftTest|}] public string? Y { get; set; }\n    [{|MG0008:DriftTest|}] public string? Z { get; set; }\n}\n"));
        test.FixedState.Sources.Clear();
        test.FixedState.Sources.Add(("/0/A.cs", "using MonitorGen;\n\n[Monitor(\"a\")]\npublic partial record A([DriftTest(MaxCategories = 100)] string X);\n"));
        test.FixedState.Sources.Add(("/0/B.cs", "using MonitorGen;\n\n[Monitor(\"b\")]\npublic partial class B\n{\n    [DriftTest(MaxCategories = 100)] public string? Y { get; set; }\n    [DriftTest(MaxCategories = 100)] public string? Z { get; set; }\n}\n"));
        return test.RunAsync();
    }

    [Fact]
    public void Descriptor_is_a_warning_with_a_help_link()
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.MissingCategoryCap;
        Assert.Equal("MG0008", descriptor.Id);
        Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        Assert.Equal("https://github.com/MonitorGen/MonitorGen/blob/main/docs/diagnostics/MG0008.md", descriptor.HelpLinkUri);
    }
}
