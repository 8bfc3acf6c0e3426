using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace MonitorGen.AspNetCore.Tests;

/// <summary><c>GET /monitoring/report</c>: the live monitor's HTML report, with its recent checks.</summary>
public sealed class ReportEndpointTests
{
    [Fact]
    public async Task The_report_is_one_uncached_html_page_that_may_fetch_nothing_and_shows_each_check()
    {
        await using WeatherApp app = await WeatherApp.StartAsync();
        using (HttpResponseMessage before = await app.Client.GetAsync("/monitoring/report"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            Assert.Contains("No drift check has run yet.", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await app.PostAsync(SeattleWeather.Spread(SeattleWeather.Summer, 60));
        await app.CheckAsync();
        await app.PostAsync(SeattleWeather.Spread(SeattleWeather.Winter, 60));
        await app.CheckAsync();

        using HttpResponseMessage response = await app.Client.GetAsync("/monitoring/report");
        string page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        string policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("connect-src", policy, StringComparison.Ordinal);
        Assert.Contains("seattle-weather · WeatherObservation", page, StringComparison.Ordinal);
        Assert.Contains("Data quality over the last 2 checks", page, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Match(page, "\"rows\":\\[([^\\]]*)\\]").Groups[1].Value.Split(',').Length);
        Assert.Contains("data-drifted=\"true\"", page, StringComparison.Ordinal); // winter against a summer profile
    }
}
