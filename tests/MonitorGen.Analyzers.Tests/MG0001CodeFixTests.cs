using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MonitorGen.Analyzers.Tests.Verifiers;
using MonitorGen.CodeFixes;
using FixTest = MonitorGen.Analyzers.Tests.Verifiers.CodeFixTest<MonitorGen.Analyzers.MissingMonitoringAttributeAnalyzer, MonitorGen.CodeFixes.AddMonitoringAttributeCodeFixProvider>;

namespace MonitorGen.Analyzers.Tests;

public sealed class MG0001CodeFixTests
{
    private const string DriftTest = AddMonitoringAttributeCodeFixProvider.AddDriftTestKey;
    private const string NotMonitored = AddMonitoringAttributeCodeFixProvider.MarkNotMonitoredKey;

    [Fact]
    public Task Add_DriftTest_to_a_property_keeps_comments_and_indentation() => new FixTest(
        """
        using MonitorGen;

        namespace Models;

        [Monitor("churn")]
        public partial class Input
        {
            /// <summary>The age.</summary>
            public double {|MG0001:Age|} { get; set; }

            [System.ComponentModel.Description("x")]
            public int {|MG0001:Visits|} { get; set; }
        }
        """,
        """
        using MonitorGen;

        namespace Models;

        [Monitor("churn")]
        public partial class Input
        {
            /// <summary>The age.</summary>
            [DriftTest]
            public double Age { get; set; }

            [DriftTest]
            [System.ComponentModel.Description("x")]
            public int Visits { get; set; }
        }
        """,
        DriftTest)
    {
        NumberOfIncrementalIterations = 2,
        NumberOfFixAllIterations = 1,
    }.RunAsync();

    [Fact]
    public Task Mark_NotMonitored_on_a_property() => new FixTest(
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial record Input
        {
            public string? {|MG0001:CustomerId|} { get; init; }
        }
        """,
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial record Input
        {
            [NotMonitored]
            public string? CustomerId { get; init; }
        }
        """,
        NotMonitored).RunAsync();

    [Fact]
    public Task Positional_parameters_get_the_attribute_on_the_parameter() => new FixTest(
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial record Input(double {|MG0001:Age|}, [property: System.Obsolete] string {|MG0001:Plan|},
            bool {|MG0001:Churned|});
        """,
        """
        using MonitorGen;

        [Monitor("churn")]
        public partial record Input([DriftTest] double Age, [DriftTest(MaxCategories = 100)][property: System.Obsolete] string Plan,
            [DriftTest] bool Churned);
        """,
        DriftTest)
    {
        NumberOfIncrementalIterations = 3,
        NumberOfFixAllIterations = 1,
    }.RunAsync();

    [Fact]
    public Task Missing_using_is_added_in_order() => new FixTest(
        """
        using System;
        using Zeta;

        [MonitorGen.Monitor("churn")]
        public partial class Input
        {
            public double {|MG0001:Age|} { get; set; }
        }

        namespace Zeta { public class Unrelated { } }
        """,
        """
        using System;
        using MonitorGen;
        using Zeta;

        [MonitorGen.Monitor("churn")]
        public partial class Input
        {
            [NotMonitored]
            public double Age { get; set; }
        }

        namespace Zeta { public class Unrelated { } }
        """,
        NotMonitored).RunAsync();

    [Fact]
    public Task Missing_using_is_added_to_a_file_without_usings() => new FixTest(
        """
        namespace Models;

        [MonitorGen.Monitor("churn")]
        public partial record Input(double {|MG0001:Age|}, double {|MG0001:Income|});
        """,
        """
        using MonitorGen;

        namespace Models;

        [MonitorGen.Monitor("churn")]
        public partial record Input([DriftTest] double Age, [DriftTest] double Income);
        """,
        DriftTest)
    {
        NumberOfIncrementalIterations = 2,
        NumberOfFixAllIterations = 1,
    }.RunAsync();

    [Fact]
    public Task Short_name_is_used_inside_the_MonitorGen_namespace() => new FixTest(
        """
        namespace MonitorGen.Models
        {
            [Monitor("churn")]
            public partial class Input
            {
                public double {|MG0001:Age|} { get; set; }
            }
        }
        """,
        """
        namespace MonitorGen.Models
        {
            [Monitor("churn")]
            public partial class Input
            {
                [DriftTest]
                public double Age { get; set; }
            }
        }
        """,
        DriftTest).RunAsync();

    [Fact]
    public Task Name_taken_by_another_type_is_qualified() => new FixTest(
        """
        [MonitorGen.Monitor("churn")]
        public partial class Input
        {
            public double {|MG0001:Age|} { get; set; }
        }

        public sealed class DriftTestAttribute : System.Attribute { }
        """,
        """
        [MonitorGen.Monitor("churn")]
        public partial class Input
        {
            [global::MonitorGen.DriftTest]
            public double Age { get; set; }
        }

        public sealed class DriftTestAttribute : System.Attribute { }
        """,
        DriftTest).RunAsync();

    [Fact]
    public Task DriftTest_is_not_offered_for_unobservable_types_so_Fix_All_leaves_them() => new FixTest(
        """
        using System;
        using MonitorGen;

        [Monitor("churn")]
        public partial class Input
        {
            public double {|MG0001:Age|} { get; set; }
            public DateTime {|MG0001:When|} { get; set; }
        }
        """,
        """
        using System;
        using MonitorGen;

        [Monitor("churn")]
        public partial class Input
        {
            [DriftTest]
            public double Age { get; set; }
            public DateTime {|MG0001:When|} { get; set; }
        }
        """,
        DriftTest)
    {
        NumberOfIncrementalIterations = 1,
        NumberOfFixAllIterations = 1,
        FixedState = { MarkupHandling = MarkupMode.Allow },
    }.RunAsync();

    [Fact]
    public Task NotMonitored_is_the_first_action_for_unobservable_types() => new FixTest(
        """
        using System;
        using MonitorGen;

        [Monitor("churn")]
        public partial class Input
        {
            public DateTime {|MG0001:When|} { get; set; }
        }
        """,
        """
        using System;
        using MonitorGen;

        [Monitor("churn")]
        public partial class Input
        {
            [NotMonitored]
            public DateTime When { get; set; }
        }
        """)
    {
        CodeActionIndex = 0,
    }.RunAsync();

    [Fact]
    public async Task Fix_all_in_project_and_solution_with_missing_usings_in_several_documents()
    {
        var test = new FixTest(string.Empty, string.Empty, NotMonitored)
        {
            NumberOfIncrementalIterations = 4,
            NumberOfFixAllInDocumentIterations = 3,
            NumberOfFixAllInProjectIterations = 2,
            NumberOfFixAllIterations = 1,
        };
        test.TestState.Sources.Clear();
        test.TestState.Sources.Add(("/0/A.cs", "[MonitorGen.Monitor(\"a\")]\npublic partial class A\n{\n    public double {|MG0001:X|} { get; set; }\n    public double {|MG0001:Y|} { get; set; }\n}\n"));
        test.TestState.Sources.Add(("/0/B.cs", "using MonitorGen;\n\n[Monitor(\"b\")]\npublic partial record B(int {|MG0001:X|});\n"));
        test.FixedState.Sources.Clear();
        test.FixedState.Sources.Add(("/0/A.cs", "using MonitorGen;\n\n[MonitorGen.Monitor(\"a\")]\npublic partial class A\n{\n    [NotMonitored]\n    public double X { get; set; }\n    [NotMonitored]\n    public double Y { get; set; }\n}\n"));
        test.FixedState.Sources.Add(("/0/B.cs", "using MonitorGen;\n\n[Monitor(\"b\")]\npublic partial record B([NotMonitored] int X);\n"));

        ProjectState other = new("Other", LanguageNames.CSharp, "/Other/", "cs");
        other.AdditionalReferences.AddRange(TestReferences.Additional);
        other.Sources.Add(("/Other/C.cs", "using MonitorGen;\n\n[Monitor(\"c\")]\npublic partial struct C\n{\n    public bool {|MG0001:Flag|} { get; set; }\n}\n"));
        test.TestState.AdditionalProjects.Add(other.Name, other);
        ProjectState otherFixed = new("Other", LanguageNames.CSharp, "/Other/", "cs");
        otherFixed.AdditionalReferences.AddRange(TestReferences.Additional);
        otherFixed.Sources.Add(("/Other/C.cs", "using MonitorGen;\n\n[Monitor(\"c\")]\npublic partial struct C\n{\n    [NotMonitored]\n    public bool Flag { get; set; }\n}\n"));
        test.FixedState.AdditionalProjects.Add(otherFixed.Name, otherFixed);
        await test.RunAsync();
    }
}
