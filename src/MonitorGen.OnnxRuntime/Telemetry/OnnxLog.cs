using System;
using Microsoft.Extensions.Logging;

namespace MonitorGen.OnnxRuntime.Telemetry;

/// <summary>Cached LoggerMessage delegates of the monitored session.</summary>
internal static class OnnxLog
{
    private static readonly Action<ILogger, string, string, Exception?> MonitoringFailedMessage =
        LoggerMessage.Define<string, string>(
            LogLevel.Error,
            new EventId(101, "PredictionMonitoringFailed"),
            "Model {Model}: monitoring a prediction failed ({Step}); the prediction was served and the failure counted on monitorgen.self.errors");

    private static readonly Action<ILogger, string, string, Exception?> ModelLoadedMessage =
        LoggerMessage.Define<string, string>(
            LogLevel.Information,
            new EventId(102, "ModelLoaded"),
            "Model {Model}: loaded {ModelPath}");

    public static void MonitoringFailed(ILogger logger, string model, string step, Exception exception) =>
        MonitoringFailedMessage(logger, model, step, exception);

    public static void ModelLoaded(ILogger logger, string model, string path) => ModelLoadedMessage(logger, model, path, null);
}
