using MonitorGen;
using MonitorGen.Labels;
using MonitorGen.OnnxRuntime;

namespace SeattleWeatherService;

/// <summary>
/// The prediction service: <c>POST /predict</c> runs the ONNX model through a monitored inference session and answers the
/// forecast with the id that its label is sent back with (<c>POST /monitoring/labels</c>), and
/// <c>MapMonitorGen</c> adds <c>/metrics</c>, <c>/health/live</c> and <c>/health/ready</c> (anonymous), and the management
/// endpoints <c>/health/drift</c>, <c>/monitoring/drift</c>, <c>POST /monitoring/drift/check</c>, <c>POST /monitoring/labels</c>
/// and <c>/monitoring/performance</c>, which take the key
/// <c>SeattleWeather:ApiKey</c> in the header <c>X-Api-Key</c> and are refused while no key is configured.
/// </summary>
internal static class WeatherService
{
    /// <summary>Configuration keys that point at other model and profile files; by default those next to the executable.</summary>
    public const string ModelPathKey = "SeattleWeather:ModelPath";

    /// <inheritdoc cref="ModelPathKey"/>
    public const string FeaturesProfilePathKey = "SeattleWeather:FeaturesProfilePath";

    /// <inheritdoc cref="ModelPathKey"/>
    public const string ForecastProfilePathKey = "SeattleWeather:ForecastProfilePath";

    /// <summary>Where the forecasts' pending predictions and labelled windows live: a SQLite file (they survive a restart),
    /// or a PostgreSQL connection string (a fleet's replicas share them). Neither: in memory.</summary>
    public const string SqliteLabelStoreKey = "SeattleWeather:LabelStore:Sqlite";

    /// <inheritdoc cref="SqliteLabelStoreKey"/>
    public const string PostgreSqlLabelStoreKey = "SeattleWeather:LabelStore:PostgreSql";

    /// <summary>This replica's name in the label store; by default the machine's name.</summary>
    public const string LabelStoreInstanceKey = "SeattleWeather:LabelStore:Instance";

    /// <summary>The model, next to the executable.</summary>
    public const string ModelFile = "Model/seattle-weather.onnx";

    /// <summary>The reference profile of the inputs, fitted on the training days by <c>fit</c>.</summary>
    public const string FeaturesProfileFile = "Model/seattle-weather.features.monitorprofile.json";

    /// <summary>The reference profile of the predictions on the training days.</summary>
    public const string ForecastProfileFile = "Model/seattle-weather.forecast.monitorprofile.json";

    /// <summary>Builds the service. The model and both profiles are loaded here, so a bad file fails start-up, naming it.</summary>
    /// <param name="args">Host arguments, for example <c>--urls http://127.0.0.1:5080</c>, <c>--MonitorGen:CheckInterval=00:00:30</c>,
    /// <c>--SeattleWeather:ModelPath=other.onnx</c> or <c>--SeattleWeather:ApiKey=KEY</c> (the key of the management endpoints).</param>
    /// <param name="configure">Adjusts the builder before it is built (the demo and the tests use it).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ServiceJsonContext.Default));
        IConfiguration configuration = builder.Configuration;
        // The management endpoints (drift reports, drift health, the manual check) take the operator's API key.
        builder.Services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorization(o => o.AddPolicy(ApiKeyAuthentication.OperatorsPolicy, policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
            .RequireAuthenticatedUser()));
        builder.Services.AddMonitorGen(o => o.AuthorizationPolicy = ApiKeyAuthentication.OperatorsPolicy)
            .AddModel(sp => new WeatherFeaturesMonitor(
                ReferenceProfile.Load(PathOf(configuration, FeaturesProfilePathKey, FeaturesProfileFile)),
                MonitorOptionsOf(sp),
                sp.GetRequiredService<ILogger<WeatherFeaturesMonitor>>()))
            .AddModel(sp => new WeatherForecastMonitor(
                ReferenceProfile.Load(PathOf(configuration, ForecastProfilePathKey, ForecastProfileFile)),
                ForecastOptionsOf(sp),
                sp.GetRequiredService<ILogger<WeatherForecastMonitor>>()));
        AddLabelStore(builder.Services, configuration);
        builder.Services.AddMonitoredOnnxModel<WeatherFeatures, WeatherForecast>(
            PathOf(configuration, ModelPathKey, ModelFile),
            sp => sp.GetRequiredService<WeatherFeaturesMonitor>(),
            sp => sp.GetRequiredService<WeatherForecastMonitor>());
        configure?.Invoke(builder);

        WebApplication app = builder.Build();
        // The package would load the model when the host starts; loading it here already makes a bad file a one-line
        // error from Build, before the host logs its start-up failure with a stack trace.
        app.Services.GetRequiredService<IMonitoredInferenceSession>();
        app.MapPost(ServiceRoutes.Predict, (WeatherFeatures features, MonitoredInferenceSession<WeatherFeatures, WeatherForecast> session) =>
        {
            WeatherForecast forecast = session.Predict(features, out string? predictionId);
            return new ForecastResponse(predictionId, forecast.Weather, forecast.Confidence);
        });
        app.MapMonitorGen();
        return app;
    }

    // The host's clock (the demo's simulated calendar): windows, label delays and the label horizon follow it.
    private static MonitorOptions MonitorOptionsOf(IServiceProvider services) =>
        new() { TimeProvider = services.GetRequiredService<TimeProvider>() };

    // The label store the configuration names, if any; the host disposes it (and the PostgreSQL data source) at shut-down.
    private static void AddLabelStore(IServiceCollection services, IConfiguration configuration)
    {
        string? instance = configuration[LabelStoreInstanceKey] is { Length: > 0 } name ? name : null;
        if (configuration[PostgreSqlLabelStoreKey] is { Length: > 0 } connectionString)
        {
            services.AddSingleton(_ => Npgsql.NpgsqlDataSource.Create(connectionString));
            services.AddSingleton(sp => LabelStore.PostgreSql(sp.GetRequiredService<Npgsql.NpgsqlDataSource>(), instance));
        }
        else if (configuration[SqliteLabelStoreKey] is { Length: > 0 } path)
        {
            services.AddSingleton(_ => LabelStore.Sqlite(Path.GetFullPath(path), instance));
        }
    }

    // The forecasts also ask for five hand labels a month, the model's doubts first (GET /monitoring/labels/requests),
    // and keep their labels in the configured store.
    private static MonitorOptions ForecastOptionsOf(IServiceProvider services)
    {
        MonitorOptions options = MonitorOptionsOf(services);
        options.LabelStore = services.GetService<LabelStore>();
        options.HandLabelBudget = 5;
        options.HandLabelPeriod = TimeSpan.FromDays(30);
        options.HandLabelStrategy = LabelSamplingStrategy.LowConfidenceFirst;
        return options;
    }

    private static string PathOf(IConfiguration configuration, string key, string defaultFile) =>
        configuration[key] is { Length: > 0 } path ? Path.GetFullPath(path) : Path.Combine(AppContext.BaseDirectory, defaultFile);
}
