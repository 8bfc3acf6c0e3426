using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MonitorGen.Reports;
using MonitorGen.Statistics;
using MonitorGen.Tests.Records;
using MonitorGen.Tests.Support;

namespace MonitorGen.Tests.Reports;

public sealed class HtmlReportTests
{
    private static readonly ReferenceProfile Profile = WeatherDay.FitProfile(SeattleWeather.Summer);

    [Fact]
    public void A_monitor_check_carries_each_feature_s_counts_on_the_reference_bins()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);
        WeatherDay[] winter = SeattleWeather.Winter.ToArray();
        foreach (WeatherDay day in winter)
        {
            monitor.Observe(day);
        }

        DriftReport report = monitor.CheckDrift();
        foreach (FeatureDriftResult feature in report.Features)
        {
            FeatureDistribution distribution = feature.Distribution!;
            FeatureProfile profile = Profile.Features.Single(f => f.Name == feature.Feature);
            Assert.Equal(distribution.Bins.Count, distribution.Reference.Count);
            Assert.Equal(distribution.Bins.Count, distribution.Current.Count);
            Assert.Equal(feature.CurrentCount, distribution.Current.Sum());
            Assert.Equal(profile.Count, distribution.Reference.Sum());
        }

        // TempMax's bins are the profile's: a winter day colder than every summer day counts in the first bin.
        FeatureDriftResult tempMax = report.Features.Single(f => f.Feature == nameof(WeatherDay.TempMax));
        double firstCut = Profile.Features.Single(f => f.Name == nameof(WeatherDay.TempMax)).Cuts[0];
        Assert.Equal(winter.Count(d => d.TempMax < firstCut), tempMax.Distribution!.Current[0]);
        Assert.StartsWith("< ", tempMax.Distribution.Bins[0], StringComparison.Ordinal);
        FeatureDriftResult weather = report.Features.Single(f => f.Feature == nameof(WeatherDay.Weather));
        Assert.Equal(winter.Count(d => d.Weather == WeatherKind.Rain), weather.Distribution!.Current[weather.Distribution.Bins.ToList().IndexOf("Rain")]);
    }

    [Fact]
    public void A_window_too_small_to_report_a_statistic_reports_no_counts_either()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile, new MonitorOptions { MinimumReportedCount = 5 });
        foreach (WeatherDay day in SeattleWeather.Winter.Take(4))
        {
            monitor.Observe(day);
        }

        Assert.All(monitor.CheckDrift().Features, f => Assert.Null(f.Distribution));
        foreach (WeatherDay day in SeattleWeather.Winter.Take(5))
        {
            monitor.Observe(day);
        }

        Assert.All(monitor.CheckDrift().Features, f => Assert.NotNull(f.Distribution));
    }

    [Fact]
    public void Recent_reports_keep_the_configured_number_of_checks_oldest_first()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile, new MonitorOptions { ReportHistory = 3 });
        var reports = new List<DriftReport>();
        for (int i = 0; i < 5; i++)
        {
            monitor.Observe(SeattleWeather.Winter.ElementAt(i));
            reports.Add(monitor.CheckDrift());
        }

        Assert.Equal(reports.Skip(2), monitor.RecentReports);
        using var none = WeatherDay.CreateMonitor(Profile, new MonitorOptions { ReportHistory = 0 });
        none.CheckDrift();
        Assert.Empty(none.RecentReports);
        Assert.Throws<ArgumentOutOfRangeException>(() => WeatherDay.CreateMonitor(Profile, new MonitorOptions { ReportHistory = -1 }));
    }

    [Fact]
    public void The_page_is_deterministic_self_contained_and_holds_no_raw_value()
    {
        using var monitor = WeatherDay.CreateMonitor(Profile);
        // Values no bin edge or rounded statistic prints: if the page held a row, it would hold these.
        WeatherDay[] rows = SeattleWeather.Winter.Select((d, i) => d with { TempMax = d.TempMax + 0.0123456789 + (i * 1e-7), Wind = 3.98765432 + (i * 1e-7) }).ToArray();
        var history = new List<DriftReport>();
        foreach (WeatherDay[] chunk in rows.Chunk(60))
        {
            foreach (WeatherDay day in chunk)
            {
                monitor.Observe(day);
            }

            history.Add(monitor.CheckDrift());
        }

        ReportSection section = new() { Title = "seattle-weather", Latest = history[^1], History = monitor.RecentReports, Health = new ModelHealthCheck(monitor).Evaluate() };
        string page = HtmlReport.Render("Weather", [section]);

        Assert.Equal(page, HtmlReport.Render("Weather", [new ReportSection { Title = "seattle-weather", Latest = history[^1], History = monitor.RecentReports, Health = section.Health }]));
        string ours = page.Replace(ReportAssets.ChartJs, string.Empty, StringComparison.Ordinal);
        Assert.True(ours.Length < page.Length - 200_000, "Chart.js is inlined");
        Assert.DoesNotContain("0123456", ours, StringComparison.Ordinal);
        Assert.DoesNotContain("98765", ours, StringComparison.Ordinal);
        string markup = WithoutScripts(page);
        Assert.DoesNotMatch(new Regex("<link|<img|<iframe|src=|href=\"(?!#)|url\\(|@import", RegexOptions.IgnoreCase), markup);
        Assert.Equal(3, Regex.Matches(page, "<script").Count); // the data, Chart.js, the page's own
        Assert.Equal(history.Count, Regex.Matches(page, "\"at\":\\[([^\\]]*)\\]").Single().Groups[1].Value.Split(',').Length);
        Assert.Contains("data-chart=\"score\"", page, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"quality\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_user_string_is_encoded_and_none_can_end_the_data_script()
    {
        const string Feature = "<script>alert(1)</script>";
        const string Category = "</script><img src=x onerror=alert(2)>";
        const string Title = "\"><svg onload=alert(3)>";
        DriftReport report = Report(Feature, Category, drifted: true);
        string page = HtmlReport.Render(Title, [new ReportSection
        {
            Title = Title,
            Latest = report,
            History = [report],
            Health = HealthCheckResult.Degraded("model <b>x</b> & 'y'"),
            Details = [new("<i>label</i>", "<u>value</u>")],
        }]);

        foreach (string hostile in new[] { Feature, Category, Title, "<b>x</b>", "<i>label</i>", "<u>value</u>", "<img", "<svg" })
        {
            Assert.DoesNotContain(hostile, page, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("\\u003C/script\\u003E\\u003Cimg", page, StringComparison.Ordinal); // the category in the chart data
        Assert.Equal(3, Regex.Matches(page, "</script>").Count);
    }

    [Fact]
    public void The_drift_table_ranks_drifted_features_first_then_by_nearness_to_the_threshold()
    {
        FeatureDriftResult[] features =
        [
            Feature("calm", "ks", score: 0.9, threshold: 0.05, drifted: false),
            Feature("near", "ks", score: 0.06, threshold: 0.05, drifted: false),
            Feature("far-distance", "psi", score: 0.5, threshold: 0.1, drifted: true),
            Feature("drifted", "ks", score: 1e-9, threshold: 0.05, drifted: true),
            Feature("untested", "ks", score: null, threshold: 0.05, drifted: false, tested: false),
            Feature("close-distance", "psi", score: 0.09, threshold: 0.1, drifted: false),
        ];
        string[] order = DriftRanking.Order(features).Select(i => features[i].Feature).ToArray();
        Assert.Equal(["drifted", "far-distance", "close-distance", "near", "calm", "untested"], order);
    }

    [Fact]
    public void A_report_of_100_features_over_50_checks_is_under_one_megabyte()
    {
        var history = new List<DriftReport>();
        for (int check = 0; check < 50; check++)
        {
            FeatureDriftResult[] features = Enumerable.Range(0, 100).Select(f => f % 2 == 0
                    ? WithDistribution(Feature($"numeric_feature_{f:D3}", "wasserstein", 0.01 + (check * 1e-3) + (f * 1e-5), 0.0345678, drifted: f % 7 == 0),
                        Enumerable.Range(0, 11).Select(b => $"[{b * 1.2345:G4}, {(b + 1) * 1.2345:G4})").ToArray(), seed: check + f)
                    : WithDistribution(Feature($"categorical_feature_{f:D3}", "jensenshannon", 0.2 + (check * 1e-3), 0.1, drifted: false),
                        Enumerable.Range(0, 31).Select(b => $"category value {b:D2}").ToArray(), seed: check + f))
                .ToArray();
            history.Add(Report(features, DateTimeOffset.UnixEpoch.AddHours(check)));
        }

        string page = HtmlReport.Render("100 features", [new ReportSection { Title = "wide model", Latest = history[^1], History = history }]);
        int bytes = Encoding.UTF8.GetByteCount(page);
        Assert.True(bytes <= 1_000_000, $"{bytes:N0} bytes");
        TestContext.Current.SendDiagnosticMessage($"100 features × 50 checks: {bytes:N0} bytes");
    }

    private static string WithoutScripts(string page) => Regex.Replace(page, "<script[^>]*>.*?</script>", string.Empty, RegexOptions.Singleline);

    private static FeatureDriftResult WithDistribution(FeatureDriftResult f, string[] bins, int seed)
    {
        var random = new Random(seed);
        return new FeatureDriftResult
        {
            Feature = f.Feature, Kind = f.Kind, Method = f.Method, Tested = f.Tested, Score = f.Score, Threshold = f.Threshold, ThresholdMode = f.ThresholdMode,
            Drifted = f.Drifted, Exact = false, ReferenceCount = 100_000, CurrentCount = 5_000,
            Distribution = new FeatureDistribution
            {
                Bins = bins,
                Reference = bins.Select(_ => (long)random.Next(1_000, 20_000)).ToArray(),
                Current = bins.Select(_ => (long)random.Next(10, 2_000)).ToArray(),
            },
        };
    }

    private static FeatureDriftResult Feature(string name, string method, double? score, double threshold, bool drifted, bool tested = true) => new()
    {
        Feature = name,
        Kind = method == "jensenshannon" ? FeatureKind.Categorical : FeatureKind.Numerical,
        Method = method,
        Tested = tested,
        Score = score,
        Threshold = threshold,
        ThresholdMode = ThresholdMode.Calibrated,
        Drifted = drifted,
        Exact = false,
        ReferenceCount = 1000,
        CurrentCount = 100,
    };

    private static DriftReport Report(string feature, string category, bool drifted) =>
        Report([WithDistribution(Feature(feature, "jensenshannon", 0.3, 0.1, drifted), ["a", category], seed: 1)], DateTimeOffset.UnixEpoch);

    private static DriftReport Report(FeatureDriftResult[] features, DateTimeOffset at) => new()
    {
        Model = "model",
        CheckedAt = at,
        Rows = 5_000,
        RowsWithIssues = 12,
        Features = features,
        Correction = MultipleTestingCorrection.None,
        TestedFeatures = features.Length,
        DriftedFeatures = features.Count(f => f.Drifted),
        DriftShareThreshold = 0.5,
        Thresholds = ThresholdMode.Calibrated,
        Alpha = 0.05,
    };
}
