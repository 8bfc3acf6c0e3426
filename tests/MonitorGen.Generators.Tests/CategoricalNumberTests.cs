using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace MonitorGen.Generators.Tests;

/// <summary>A number marked <c>[DriftTest(Categorical = true)]</c> becomes a categorical feature of the schema.</summary>
public sealed partial class CategoricalNumberTests
{
    private const string Template = """
        using MonitorGen;

        namespace Demo;

        [Monitor("listing-price")]
        public partial record Listing([DriftTest(DriftMethod.Psi, MaxCategories = 9, Categorical = MARK)] double Rating);
        """;

    [Fact]
    public void Marking_a_number_categorical_changes_the_schema_hash_and_the_feature_kind()
    {
        string numerical = Generate(Template.Replace("MARK", "false"));
        string categorical = Generate(Template.Replace("MARK", "true"));

        Assert.Contains("global::MonitorGen.FeatureSchema.Numerical(\"Rating\"", numerical);
        Assert.Contains("global::MonitorGen.FeatureSchema.CategoricalNumber(\"Rating\"", categorical);
        Assert.Contains("sink.CategoryNumber(0, row.Rating);", categorical);
        Assert.Contains("sink.Numeric(0, row.Rating);", numerical);
        Assert.NotEqual(SchemaHashOf(numerical), SchemaHashOf(categorical));
    }

    [Fact]
    public void Categorical_on_a_string_is_ignored_and_leaves_the_schema_unchanged()
    {
        const string plain = """
            using MonitorGen;

            [Monitor("listing-price")]
            public partial record Listing([DriftTest(MaxCategories = 9)] string City);
            """;
        string marked = plain.Replace("MaxCategories = 9", "MaxCategories = 9, Categorical = true");

        Assert.Equal(Generate(plain), Generate(marked));
    }

    private static string Generate(string source)
    {
        var (result, output) = GeneratorHarness.Run(source);
        Assert.Null(result.Exception);
        Assert.Empty(GeneratorHarness.Errors(output));
        return Assert.Single(result.GeneratedSources).SourceText.ToString();
    }

    private static string SchemaHashOf(string generated)
    {
        Match match = SchemaHash().Match(generated);
        Assert.True(match.Success, "No schema hash in the generated source.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("\"([0-9a-f]{16})\",")]
    private static partial Regex SchemaHash();
}
