using System.CommandLine;
using SeattleWeatherService;
using SeattleWeatherService.Commands;

var urls = new Option<string>("--urls") { Description = "Where the service listens.", DefaultValueFactory = _ => "http://127.0.0.1:0" };
var window = new Option<int>("--window") { Description = "Days per drift window.", DefaultValueFactory = _ => 30 };
var inDistribution = new Option<int>("--in-distribution") { Description = "In-distribution windows before the winter ones.", DefaultValueFactory = _ => 6 };
window.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int>() < 1)
    {
        result.AddError("--window must be at least 1.");
    }
});
inDistribution.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int>() < 0)
    {
        result.AddError("--in-distribution must not be negative.");
    }
});

var root = new RootCommand("The Seattle weather model, served with ONNX Runtime and monitored by MonitorGen. Without a command: start it on a loopback port, replay real days through it (in distribution, then winter) and print the drift per window.")
{
    urls, window, inDistribution,
};
root.SetAction((parse, ct) => StartupFailure.ReportAsync(() =>
    DemoCommand.RunAsync(parse.GetValue(urls)!, parse.GetValue(window), parse.GetValue(inDistribution), ct)));

var serveUrls = new Option<string>("--urls") { Description = "Where the service listens.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
var serve = new Command("serve", "Serve predictions and monitoring until stopped: POST /predict, /metrics, /health/live, /health/ready, and with --SeattleWeather:ApiKey=KEY (sent as X-Api-Key) /health/drift, /monitoring/drift and POST /monitoring/drift/check.")
{
    serveUrls,
};
serve.SetAction((parse, ct) => StartupFailure.ReportAsync(async () =>
{
    string[] hostArgs = ["--urls", parse.GetValue(serveUrls)!, .. parse.UnmatchedTokens];
    await using WebApplication app = WeatherService.Build(hostArgs);
    await app.RunAsync(ct);
    return 0;
}));
serve.TreatUnmatchedTokensAsErrors = false;

var target = new Option<Uri>("--target")
{
    Description = "The running service.",
    DefaultValueFactory = _ => new Uri("http://127.0.0.1:5080"),
    CustomParser = result =>
    {
        string text = result.Tokens.Single().Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        result.AddError($"--target must be an absolute http or https URL, not '{text}'.");
        return null;
    },
};
var replay = new Command("replay", "Replay the real days against a running service and print the drift per window; --SeattleWeather:ApiKey=KEY is the service's key.") { target, window, inDistribution };
// --SeattleWeather:ApiKey=KEY, spelled as for serve, is read as host configuration from the unmatched tokens.
replay.TreatUnmatchedTokensAsErrors = false;
replay.SetAction((parse, ct) => ReplayCommand.RunAsync(
    parse.GetValue(target)!,
    new ConfigurationBuilder().AddCommandLine([.. parse.UnmatchedTokens]).Build()[ApiKeyAuthentication.ConfigurationKey],
    parse.GetValue(window),
    parse.GetValue(inDistribution),
    ct));

var output = new Option<string>("--output") { Description = "Where to write the profiles (relative paths: to the project directory under dotnet run).", DefaultValueFactory = _ => "Model" };
var fit = new Command("fit", "Fit the reference profiles of the inputs and of the predictions on the training days (2012-2013).") { output };
fit.SetAction((parse, _) => StartupFailure.ReportAsync(() => Task.FromResult(ProfileFitting.Run(parse.GetValue(output)!))));

root.Subcommands.Add(serve);
root.Subcommands.Add(replay);
root.Subcommands.Add(fit);
return await root.Parse(args).InvokeAsync();
