using System;
using System.Globalization;
using System.IO;
using System.Linq;
using MathNet.Numerics.Distributions;
using MonitorGen.Calibration;
using YamlDotNet.RepresentationModel;

namespace MonitorGen.Cli.Tests;

/// <summary><c>monitorgen rules</c> on a profile written here: the file's structure, its numbers and its quoting.</summary>
public sealed class RulesCommandTests : IDisposable
{
    private readonly string _directory = CliRunner.TempDir();

    private string WriteProfile()
    {
        var profile = new ReferenceProfile
        {
            ModelName = "churn",
            ModelVersion = "3",
            TypeName = "Shop.Customer",
            SchemaHash = "0123456789abcdef",
            RowCount = 40,
            CreatedUtc = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Features =
            {
                new FeatureProfile { Name = "Tenure", Kind = FeatureKind.Numerical, Method = DriftMethod.Psi, Count = 40, Cuts = [1, 2], BinCounts = [10, 0, 30], Sample = [0.5, 2.5, 2.7, 0.2], Mean = 1.5, StandardDeviation = 1, Min = 0, Max = 3 },
                new FeatureProfile { Name = "Plan", Kind = FeatureKind.Categorical, Method = DriftMethod.JensenShannon, Count = 40, DistinctCount = 2, Categories = ["free", "pro \"plus\""], CategoryCounts = [30, 10] },
            },
        };
        string path = Path.Combine(_directory, "churn.customer.monitorprofile.json");
        profile.Save(path);
        return path;
    }

    [Fact]
    public void The_file_holds_the_alerts_and_the_fleet_rules_with_the_profiles_proportions_and_thresholds()
    {
        string profile = WriteProfile();
        CliResult first = CliRunner.Run("rules", "--profile", profile, "--absent-for", "30s");
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal("", first.Stderr);
        // Deterministic: the same profile and options give the same bytes.
        Assert.Equal(first.Stdout, CliRunner.Run("rules", "--profile", profile, "--absent-for", "30s").Stdout);

        var yaml = new YamlStream();
        yaml.Load(new StringReader(first.Stdout));
        var groups = (YamlSequenceNode)((YamlMappingNode)yaml.Documents.Single().RootNode)["groups"];
        Assert.Equal(["monitorgen.alerts", "monitorgen.error-budget", "monitorgen.fleet-drift"], groups.Select(g => ((YamlScalarNode)((YamlMappingNode)g)["name"]).Value));
        var rules = groups.SelectMany(g => (YamlSequenceNode)((YamlMappingNode)g)["rules"]).Cast<YamlMappingNode>().ToArray();
        string Expr(YamlMappingNode rule) => ((YamlScalarNode)rule["expr"]).Value!;
        string? Label(YamlMappingNode rule, string name) =>
            rule.Children.TryGetValue("labels", out YamlNode? labels) && ((YamlMappingNode)labels).Children.TryGetValue(name, out YamlNode? value) ? ((YamlScalarNode)value).Value : null;

        // Half of --absent-for in the expression, half in `for`.
        YamlMappingNode absent = rules.Single(r => r.Children.ContainsKey("alert") && ((YamlScalarNode)r["alert"]).Value == "MonitorGenPredictionsAbsent");
        Assert.Contains("[15s]", Expr(absent), StringComparison.Ordinal);
        Assert.Equal("15s", ((YamlScalarNode)absent["for"]).Value);

        // One reference constant per bin: 10/40, 0/40, 30/40; the categories and "(other)", quotes and all.
        var reference = rules.Where(r => r.Children.ContainsKey("record") && ((YamlScalarNode)r["record"]).Value == "model_record_feature_bin:monitorgen_feature_bin_reference:ratio").ToArray();
        Assert.Equal(["Tenure/0=vector(0.25)", "Tenure/1=vector(0)", "Tenure/2=vector(0.75)", "Plan/free=vector(0.75)", "Plan/pro \"plus\"=vector(0.25)", "Plan/(other)=vector(0)"],
            reference.Select(r => $"{Label(r, "feature")}/{Label(r, "bin")}={Expr(r)}"));
        Assert.All(reference, r => Assert.Equal(("churn", "3", "Customer"), (Label(r, "model"), Label(r, "model_version"), Label(r, "record"))));

        // PSI's threshold: the χ² quantile at the record's alarm level (two features, one false alarm in 500 windows).
        double level = DriftCalibration.AlarmLevel(500, 2);
        var thresholds = rules.Where(r => r.Children.ContainsKey("record") && ((YamlScalarNode)r["record"]).Value == "model_record_feature:monitorgen_feature_psi_threshold:window1h").ToArray();
        Assert.Equal(2, thresholds.Length);
        Assert.StartsWith(ChiSquared.InvCDF(2, 1 - level).ToString("R", CultureInfo.InvariantCulture) + " * (1 / ", Expr(thresholds[0]), StringComparison.Ordinal);
        Assert.EndsWith("+ 1 / 40)", Expr(thresholds[0]), StringComparison.Ordinal);
        Assert.Contains("feature=\"Tenure\"", Expr(thresholds[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_output_file_is_written_and_help_lists_every_option()
    {
        string output = Path.Combine(_directory, "rules.yml");
        CliResult result = CliRunner.Run("rules", "--profile", WriteProfile(), "--output", output);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("# Prometheus rules for churn, written by `monitorgen rules` from churn.customer.monitorprofile.json.", File.ReadAllText(output), StringComparison.Ordinal);

        string help = CliRunner.RunRoot("rules", "--help").Stdout;
        foreach (string option in new[] { "--profile", "--output", "--window", "--absent-for", "--check-interval", "--drift-checks", "--volume-share", "--volume-floor", "--max-data-quality-share", "--error-slo", "--expected-run-length", "--minimum-window" })
        {
            Assert.Contains(option, help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_missing_profile_option_or_file_is_a_one_line_error()
    {
        CliResult none = CliRunner.Run("rules");
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("--profile", none.Stderr, StringComparison.Ordinal);
        CliResult missing = CliRunner.Run("rules", "--profile", Path.Combine(_directory, "absent.json"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Single(missing.Stderr.TrimEnd().Split('\n'));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
