using System.Globalization;
using MonitorGen;
using SeattleWeatherMonitor;

// Fits a profile on every other summer day of 2012–2015, serves the summer days in between (the same distribution),
// then the winter days (shifted), in windows of 60 days. Pass a CSV path to use another file of the same shape.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var (days, problems) = Load(args);
foreach (string problem in problems)
{
    Console.Error.WriteLine($"skipped: {problem}");
}

if (days.Count == 0)
{
    Console.Error.WriteLine("No rows to monitor.");
    return 2;
}

static bool IsSummer(DateOnly date) => date.Month is 6 or 7 or 8;

const int WindowSize = 60;
var summer = days.Where(d => IsSummer(d.Date)).OrderBy(d => d.Date).ToList();
var training = summer.Where((_, i) => i % 2 == 0).ToList();
ReferenceProfile profile = WeatherDay.FitProfile(training);
string profilePath = Path.Combine(Path.GetTempPath(), "seattle-forecaster.profile.json");
profile.Save(profilePath);
profile = ReferenceProfile.Load(profilePath);
Console.WriteLine($"Fitted {profile.ModelName} {profile.ModelVersion} on {profile.RowCount} summer days -> {profilePath}");
foreach (FeatureProfile feature in profile.Features)
{
    Console.WriteLine($"  {feature.Name,-14} {feature.Kind,-12} {feature.Method}");
}

using var monitor = WeatherDay.CreateMonitor(profile);
var health = new ModelHealthCheck(monitor);
// Shuffled with a fixed seed, so that each window mixes the years as the profile does.
var shuffle = new Random(2015);
var inDistribution = summer.Where((_, i) => i % 2 == 1).OrderBy(_ => shuffle.Next()).ToList();
var shifted = days.Where(d => d.Date.Month is 12 or 1 or 2).OrderBy(d => d.Date).ToList();
Console.WriteLine();
Console.WriteLine($"Serving {inDistribution.Count} held-out summer days, then {shifted.Count} winter days, in windows of {WindowSize}:");
int windows = 0, driftedWindows = 0;
foreach (WeatherDay[] window in inDistribution.Chunk(WindowSize).Concat(shifted.Chunk(WindowSize)))
{
    foreach (WeatherDay day in window)
    {
        monitor.Observe(day);
    }

    DriftReport report = monitor.CheckDrift();
    var status = health.Evaluate().Status;
    windows++;
    driftedWindows += report.DatasetDrift ? 1 : 0;
    string season = IsSummer(window[0].Date) ? "summer (held out)" : "winter";
    string drifted = string.Join(", ", report.Features.Where(f => f.Drifted).Select(f => $"{f.Feature} ({f.Method} {f.Score:G3})"));
    Console.WriteLine($"{season,-17} {report.Rows,3} rows  {status,-9} issues {report.DataQualityFailureShare,4:P0}  drifted {report.DriftedFeatures}/{report.TestedFeatures}  {(report.TestedFeatures == 0 ? "(too few rows to test)" : drifted.Length == 0 ? "-" : drifted)}");
}

Console.WriteLine();
Console.WriteLine("issues: rows with a data-quality event (here, snow: a category the summer profile never saw).");
Console.WriteLine($"{driftedWindows} of {windows} windows drifted from the summer profile (dataset drift: at least {monitor.Options.DriftShare:P0} of features).");
return 0;

static (List<WeatherDay> Days, List<string> Problems) Load(string[] args)
{
    if (args.Length > 0)
    {
        using var file = File.OpenText(args[0]);
        return WeatherCsv.Read(file, args[0]);
    }

    using var stream = typeof(WeatherDay).Assembly.GetManifestResourceStream("seattle-weather.csv")
        ?? throw new InvalidOperationException("The embedded seattle-weather.csv is missing from the build.");
    using var reader = new StreamReader(stream);
    return WeatherCsv.Read(reader, "seattle-weather.csv (embedded)");
}
