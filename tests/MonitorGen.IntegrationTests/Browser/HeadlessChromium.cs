using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace MonitorGen.IntegrationTests.Browser;

/// <summary>
/// Debian's Chromium, headless, driven through Debian's chromedriver by Selenium. Skips the calling test when either is
/// missing, or fails it when <see cref="RequireVariable"/> is 1 (as CI sets it).
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    /// <summary>Set to <c>1</c> to make a missing browser fail the tests instead of skipping them.</summary>
    public const string RequireVariable = "MONITORGEN_REQUIRE_BROWSER";

    /// <summary>A folder to save the tests' screenshots in (CI leaves it unset: the screenshots go to a temporary folder).</summary>
    public const string ScreenshotVariable = "MONITORGEN_SCREENSHOTS";

    private const string Browser = "/usr/bin/chromium";
    private const string Driver = "/usr/bin/chromedriver";

    private readonly ChromeDriver _driver;

    private HeadlessChromium(ChromeDriver driver) => _driver = driver;

    /// <summary>Starts the browser with a window of <paramref name="width"/> × <paramref name="height"/> CSS pixels.</summary>
    public static HeadlessChromium Start(int width = 1280, int height = 1600)
    {
        if (!File.Exists(Browser) || !File.Exists(Driver))
        {
            MissingPrerequisite.SkipOrFail($"Chromium is not installed ({Browser} and {Driver}); on Debian: apt-get install chromium chromium-driver.", RequireVariable);
        }

        var options = new ChromeOptions { BinaryLocation = Browser };
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start. The page is the test's own.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--disable-extensions", $"--window-size={width},{height}");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        ChromeDriverService service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        return new HeadlessChromium(new ChromeDriver(service, options, TimeSpan.FromSeconds(60)));
    }

    /// <summary>Sends <paramref name="headers"/> with every request the page makes (DevTools protocol, Network.setExtraHTTPHeaders).</summary>
    public void SetHeaders(IReadOnlyDictionary<string, string> headers)
    {
        _driver.ExecuteCdpCommand("Network.enable", new Dictionary<string, object?>());
        _driver.ExecuteCdpCommand("Network.setExtraHTTPHeaders", new Dictionary<string, object?> { ["headers"] = headers.ToDictionary(h => h.Key, h => (object)h.Value) });
    }

    /// <summary>Loads <paramref name="address"/>; the driver returns once the page's load event has fired, after its scripts ran.</summary>
    public void Load(Uri address)
    {
        _driver.Navigate().GoToUrl(address);
        Assert.Equal("complete", Script<string>("return document.readyState"));
    }

    /// <summary>The console messages at level SEVERE (errors, uncaught exceptions, failed loads) since the last call.</summary>
    public IReadOnlyList<string> ConsoleErrors() =>
        _driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= LogLevel.Severe).Select(e => e.Message).ToList();

    /// <summary>Runs <paramref name="script"/> in the page and returns its value.</summary>
    public T Script<T>(string script) => (T)_driver.ExecuteScript(script)!;

    /// <summary>Saves a screenshot of the whole page as <paramref name="name"/>.png and returns its path.</summary>
    public string SaveScreenshot(string name)
    {
        string folder = Environment.GetEnvironmentVariable(ScreenshotVariable) is { Length: > 0 } configured ? configured : Path.GetTempPath();
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name + ".png");
        _driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose() => _driver.Quit();
}
