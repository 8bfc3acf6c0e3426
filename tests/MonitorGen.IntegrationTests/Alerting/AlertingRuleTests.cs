using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using MonitorGen.Cli;
using MonitorGen.IntegrationTests.Prometheus;

namespace MonitorGen.IntegrationTests.Alerting;

/// <summary>
/// The example's generated Prometheus rules: fresh from its profiles, valid for <c>promtool check rules</c>, and covered by
/// <c>promtool test rules</c> for every alert, firing and not firing. Skipped without promtool (Debian's prometheus
/// package); failed instead when MONITORGEN_REQUIRE_PROMETHEUS=1.
/// </summary>
public sealed partial class AlertingRuleTests : IDisposable
{
    private static readonly string Example = Path.Combine(Repository.Root(), "examples", "SeattleWeatherService");
    private static readonly string Committed = Path.Combine(Example, "Monitoring", "seattle-weather.rules.yml");
    private static readonly string TestFolder = Path.Combine(Repository.Root(), "tests", "MonitorGen.IntegrationTests", "Alerting");
    private readonly string _directory = Directory.CreateTempSubdirectory("monitorgen-rules-").FullName;

    /// <summary>Runs <c>monitorgen rules</c> on the example's two profiles; returns the exit code and the file.</summary>
    internal static (int ExitCode, string Rules, string Errors) Generate(string output, params string[] options)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = MonitorGenCommand.Invoke(
        [
            "rules",
            "--profile", Path.Combine(Example, "Model", "seattle-weather.features.monitorprofile.json"),
            "--profile", Path.Combine(Example, "Model", "seattle-weather.forecast.monitorprofile.json"),
            "--output", output,
            .. options,
        ], new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exit, File.Exists(output) ? File.ReadAllText(output) : "", stderr.ToString());
    }

    [Fact]
    public async Task The_committed_rules_are_what_the_profiles_give_today_and_promtool_accepts_them()
    {
        string promtool = PrometheusServer.RequirePromtool();
        string output = Path.Combine(_directory, "rules.yml");
        (int exit, string rules, string errors) = Generate(output);
        Assert.True(exit == 0, errors);
        Assert.True(rules == File.ReadAllText(Committed),
            $"{Committed} is stale: regenerate it with `monitorgen rules` (see docs/alerting.md).");

        (int code, string log) = await ProcessRunner.RunAsync(promtool, _directory, "check", "rules", output);
        Assert.True(code == 0, log);
        Assert.Contains("SUCCESS: 86 rules found", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promtool_unit_tests_make_every_alert_fire_and_hold_it_back()
    {
        string promtool = PrometheusServer.RequirePromtool();
        File.Copy(Committed, Path.Combine(_directory, "seattle-weather.rules.yml"));
        string[] tests = Directory.GetFiles(TestFolder, "*.rules.test.yml").Order(StringComparer.Ordinal).ToArray();
        foreach (string test in tests)
        {
            File.Copy(test, Path.Combine(_directory, Path.GetFileName(test)));
        }

        (int code, string log) = await ProcessRunner.RunAsync(promtool, _directory, ["test", "rules", .. tests.Select(Path.GetFileName)!]);
        Assert.True(code == 0, log);
        Assert.Equal(tests.Length, Regex.Count(log, @"^\s+SUCCESS\s*$", RegexOptions.Multiline));

        // Every alert of the file is tested firing (an exp_alerts entry that names it) and not firing (an empty exp_alerts).
        string all = string.Concat(tests.Select(File.ReadAllText));
        foreach (string alert in AlertName().Matches(File.ReadAllText(Committed)).Select(m => m.Groups[1].Value).Distinct())
        {
            Assert.Matches(new Regex($@"alertname: {alert}\n\s+exp_alerts:\n\s+- exp_labels"), all);
            Assert.Matches(new Regex($@"alertname: {alert}\n\s+exp_alerts: \[\]"), all);
        }
    }

    [Fact]
    public void Bad_options_and_profiles_are_one_line_errors_with_exit_code_2()
    {
        string output = Path.Combine(_directory, "rules.yml");
        Assert.Contains("--window: '5 minutes' is not a positive Prometheus duration", Generate(output, "--window", "5 minutes").Errors, StringComparison.Ordinal);
        Assert.Contains("--error-slo: 1.5 is not in (0, 1]", Generate(output, "--error-slo", "1.5").Errors, StringComparison.Ordinal);
        Assert.Contains("--drift-checks: 0 is not at least 1", Generate(output, "--drift-checks", "0").Errors, StringComparison.Ordinal);
        Assert.Equal(2, Generate(output, "--volume-share", "0").ExitCode);

        string corrupt = Path.Combine(_directory, "corrupt.monitorprofile.json");
        File.WriteAllText(corrupt, "{ \"formatVersion\": 1, \"features\": [ ");
        var stderr = new StringWriter();
        int exit = MonitorGenCommand.Invoke(["rules", "--profile", corrupt], new InvocationConfiguration { Output = new StringWriter(), Error = stderr });
        Assert.Equal(2, exit);
        Assert.StartsWith($"monitorgen: --profile: Profile '{corrupt}'", stderr.ToString(), StringComparison.Ordinal);

        string profile = Path.Combine(Example, "Model", "seattle-weather.features.monitorprofile.json");
        stderr = new StringWriter();
        Assert.Equal(2, MonitorGenCommand.Invoke(["rules", "--profile", profile, "--profile", profile], new InvocationConfiguration { Output = new StringWriter(), Error = stderr }));
        Assert.Contains("a second profile of model 'seattle-weather', record 'WeatherFeatures'", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [GeneratedRegex(@"^\s+- alert: (\w+)$", RegexOptions.Multiline)]
    private static partial Regex AlertName();
}
