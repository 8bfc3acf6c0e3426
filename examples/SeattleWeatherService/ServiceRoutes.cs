namespace SeattleWeatherService;

/// <summary>The routes the service maps and the replayer calls.</summary>
internal static class ServiceRoutes
{
    public const string Predict = "/predict";
    public const string DriftCheck = "/monitoring/drift/check";
    public const string Labels = "/monitoring/labels";
    public const string Performance = "/monitoring/performance";
    public const string LabelRequests = "/monitoring/labels/requests";
}
