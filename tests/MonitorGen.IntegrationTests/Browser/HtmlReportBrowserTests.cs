using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using MonitorGen.Cli;
using MonitorGen.IntegrationTests.ExampleService;
using SeattleWeatherService.Replay;

namespace MonitorGen.IntegrationTests.Browser;

/// <summary>
/// The HTML report of the CLI and of the running example service, loaded in headless Chromium. Skipped without Chromium;
/// failed instead when MONITORGEN_REQUIRE_BROWSER=1.
/// </summary>
[Collection(nameof(InProcessExampleCollection))]
public sealed class HtmlReportBrowserTests : IDisposable
{
    // A column name and a category value that would run script if the page did not encode them.
    private const string HostileColumn = "<script>window.__pwned=1</script>";
    private const string HostileCategory = "</script><img src=x onerror=\"window.__pwned=2\">";

    private readonly string _directory = Directory.CreateTempSubdirectory("monitorgen-report-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_CLI_report_renders_every_chart_without_errors_and_its_drifted_rows_are_the_JSON_reports()
    {
        (string reference, string current) = WriteWeatherFiles();
        string html = Path.Combine(_directory, "report.html");
        string json = Path.Combine(_directory, "report.json");
        string[] common = ["-r", reference, "-c", current, "--columns", $"precipitation,temp_max,temp_min,wind,{HostileColumn}"];
        Assert.Equal(MonitorGenCommand.Success, MonitorGenCommand.Invoke(["report", .. common, "-o", html]));
        Assert.Equal(MonitorGenCommand.Success, MonitorGenCommand.Invoke(["drift", .. common, "-f", "json", "-o", json]));

        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(json));
        string[] drifted = report.RootElement.GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("drifted").GetBoolean()).Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToArray();
        Assert.Contains("temp_max", drifted); // winter against the whole of 2012-2013: the test would be vacuous without a drift

        using HeadlessChromium browser = HeadlessChromium.Start();
        browser.Load(new Uri(html));
        AssertRendered(browser, expectedSections: 1);
        Assert.Equal(drifted, DriftedRows(browser, section: 0));
        Assert.Equal(5, browser.Script<long>("return document.querySelectorAll('#s0 .drift-table tbody tr').length"));
        Assert.Contains(HostileColumn, browser.Script<string>("return document.querySelector('#s0 .drift-table tbody').innerText"));
        browser.SaveScreenshot("monitorgen-cli-report");
    }

    [Fact]
    public void The_CLI_report_reads_at_phone_width_without_scrolling_sideways()
    {
        (string reference, string current) = WriteWeatherFiles();
        string html = Path.Combine(_directory, "report.html");
        Assert.Equal(MonitorGenCommand.Success, MonitorGenCommand.Invoke(["report", "-r", reference, "-c", current, "--columns", "temp_max,wind,weather", "-o", html]));

        using HeadlessChromium browser = HeadlessChromium.Start(width: 390, height: 844);
        browser.Load(new Uri(html));
        AssertRendered(browser, expectedSections: 1);
        // The drift table may scroll inside its own box; the page itself must not be wider than the screen.
        Assert.True(browser.Script<bool>("return document.documentElement.scrollWidth <= window.innerWidth"),
            $"the page is {browser.Script<long>("return document.documentElement.scrollWidth")} px wide at a {browser.Script<long>("return window.innerWidth")} px screen");
        Assert.True(browser.Script<bool>("return [...document.querySelectorAll('.chart canvas')].every(c => c.getBoundingClientRect().width <= window.innerWidth)"));
        browser.SaveScreenshot("monitorgen-cli-report-phone");
    }

    [Fact]
    public async Task The_service_report_behind_the_management_key_renders_its_checks_over_time()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using RunningWeatherService service = await RunningWeatherService.StartAsync(cancellationToken: cancel);
        var (days, _) = WeatherCsv.ReadEmbedded();
        ReplayPlan plan = ReplayPlan.Create(days, windowSize: 90, inDistributionWindows: 2);
        await new TrafficReplayer(service.Client, TextWriter.Null).RunAsync(plan.Windows.Take(3).ToList(), cancel);

        using (var anonymous = new HttpClient { BaseAddress = service.Address })
        using (HttpResponseMessage refused = await anonymous.GetAsync("/monitoring/report", cancel))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using JsonDocument drift = JsonDocument.Parse(await service.Client.GetStringAsync("/monitoring/drift", cancel));
        JsonElement[] models = drift.RootElement.GetProperty("models").EnumerateArray().ToArray();

        using HeadlessChromium browser = HeadlessChromium.Start();
        browser.SetHeaders(new Dictionary<string, string> { ["X-Api-Key"] = RunningWeatherService.ApiKey });
        browser.Load(new Uri(service.Address, "/monitoring/report"));
        AssertRendered(browser, expectedSections: models.Length);
        for (int s = 0; s < models.Length; s++)
        {
            string[] drifted = models[s].GetProperty("report").GetProperty("features").EnumerateArray()
                .Where(f => f.GetProperty("drifted").GetBoolean()).Select(f => f.GetProperty("feature").GetString()!).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(drifted, DriftedRows(browser, s));
            // Three checks: one score chart per feature and one data-quality chart, each with a point per check.
            long features = models[s].GetProperty("report").GetProperty("features").GetArrayLength();
            Assert.Equal(features, browser.Script<long>($"return document.querySelectorAll('#s{s} canvas[data-chart=score]').length"));
            Assert.Equal(1, browser.Script<long>($"return document.querySelectorAll('#s{s} canvas[data-chart=quality]').length"));
            Assert.Equal(3, browser.Script<long>($"return Chart.getChart(document.querySelector('#s{s} canvas[data-chart=quality]')).data.labels.length"));
        }

        Assert.Contains("TempMax", DriftedRows(browser, 0).Concat(models.Length > 1 ? DriftedRows(browser, 1) : []));
        browser.SaveScreenshot("monitorgen-service-report");
    }

    // No console error (a script error, a refused resource, a CSP violation), no injected script run, and every canvas
    // drawn by Chart.js at a non-zero size.
    private static void AssertRendered(HeadlessChromium browser, int expectedSections)
    {
        Assert.Empty(browser.ConsoleErrors());
        Assert.True(browser.Script<bool>("return typeof window.__pwned === 'undefined'"), "a name in the page ran as script");
        Assert.Equal(expectedSections, browser.Script<long>("return document.querySelectorAll('main > section').length"));
        long canvases = browser.Script<long>("return document.querySelectorAll('canvas[data-chart]').length");
        Assert.True(canvases > 0, "the page has no chart");
        IReadOnlyCollection<object> unrendered = browser.Script<IReadOnlyCollection<object>>(
            "return [...document.querySelectorAll('canvas[data-chart]')]" +
            ".filter(c => !Chart.getChart(c) || c.width === 0 || c.height === 0 || c.getBoundingClientRect().width === 0 || c.getBoundingClientRect().height === 0)" +
            ".map(c => c.dataset.chart + ' ' + c.dataset.section + '/' + c.dataset.feature)");
        Assert.Empty(unrendered);
        Assert.Equal(0, browser.Script<long>("return document.querySelectorAll('script[src], link[href], img[src]').length"));
        Assert.Equal(0, browser.Script<long>("return performance.getEntriesByType('resource').length")); // nothing fetched after the page
    }

    private static string[] DriftedRows(HeadlessChromium browser, int section) =>
        browser.Script<IReadOnlyCollection<object>>($"return [...document.querySelectorAll('#s{section} .drift-table tbody tr[data-drifted=true]')].map(r => r.dataset.feature)")
            .Select(o => (string)o).Order(StringComparer.Ordinal).ToArray();

    // The real data set: 2012-2013 as the reference, the winters of 2014-2015 as the current file, with one column renamed
    // to a hostile name and one category value made hostile.
    private (string Reference, string Current) WriteWeatherFiles()
    {
        string[] lines = File.ReadAllLines(Path.Combine(Repository.Root(), "data", "seattle-weather.csv"));
        string header = lines[0] + "," + Csv(HostileColumn);
        IEnumerable<string> Rows(Func<DateTime, bool> keep) => lines.Skip(1)
            .Where(l => keep(DateTime.Parse(l[..10], System.Globalization.CultureInfo.InvariantCulture)))
            .Select(l => l + "," + Csv(l.EndsWith("snow", StringComparison.Ordinal) ? HostileCategory : l[(l.LastIndexOf(',') + 1)..]));
        string reference = Path.Combine(_directory, "reference.csv");
        string current = Path.Combine(_directory, "current.csv");
        File.WriteAllLines(reference, Rows(d => d.Year <= 2013).Prepend(header));
        File.WriteAllLines(current, Rows(d => d.Year >= 2014 && d.Month is 12 or 1 or 2).Prepend(header));
        return (reference, current);
    }

    private static string Csv(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
