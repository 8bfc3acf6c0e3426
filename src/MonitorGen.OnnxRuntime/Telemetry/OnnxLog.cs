using System;
using Microsoft.Extensions.Logging;

namespace MonitorGen.OnnxRuntime.Telemetry;

/// <summary>The monitored session's log messages, through the <c>[LoggerMessage]</c> generator. Event ids 1101–1199 are this package's.</summary>
internal static partial class OnnxLog
{
    [LoggerMessage(EventId = 1101, EventName = "PredictionMonitoringFailed", Level = LogLevel.Error,
        Message = "Model {Model}: monitoring a prediction failed ({Step}); the prediction was served and the failure counted on monitorgen.self.errors")]
    public static partial void MonitoringFailed(ILogger logger, string model, string step, Exception exception);

    [LoggerMessage(EventId = 1102, EventName = "ModelLoaded", Level = LogLevel.Information, Message = "Model {Model}: loaded {ModelPath}")]
    public static partial void ModelLoaded(ILogger logger, string model, string modelPath);
}
