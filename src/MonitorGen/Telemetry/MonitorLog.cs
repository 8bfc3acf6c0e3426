using System;
using Microsoft.Extensions.Logging;

namespace MonitorGen.Telemetry;

/// <summary>
/// The monitor's log messages, through the <c>[LoggerMessage]</c> generator: formatting is deferred, and nothing is
/// allocated when a level is off. Event ids 1001–1099 are this package's (README.md, "Telemetry").
/// </summary>
internal static partial class MonitorLog
{
    [LoggerMessage(EventId = 1001, EventName = "DataQualityIssue", Level = LogLevel.Debug,
        Message = "Model {Model}: feature {Feature} has a data-quality issue: {Issue}")]
    public static partial void DataQualityIssue(ILogger logger, string model, string feature, DataQualityIssues issue);

    [LoggerMessage(EventId = 1002, EventName = "DriftDetected", Level = LogLevel.Warning,
        Message = "Model {Model}: drift in feature {Feature} ({Method} score {Score:G6}, threshold {Threshold:G6})")]
    public static partial void DriftDetected(ILogger logger, string model, string feature, string method, double score, double threshold);

    [LoggerMessage(EventId = 1003, EventName = "DriftCheckFailed", Level = LogLevel.Error,
        Message = "Model {Model}: the drift check of feature {Feature} failed")]
    public static partial void DriftCheckFailed(ILogger logger, string model, string feature, Exception exception);

    [LoggerMessage(EventId = 1004, EventName = "ObserveFailed", Level = LogLevel.Error,
        Message = "Model {Model}: observing a row failed; the row was counted on monitorgen.self.errors")]
    public static partial void ObserveFailed(ILogger logger, string model, Exception exception);

    [LoggerMessage(EventId = 1005, EventName = "StateRefused", Level = LogLevel.Warning,
        Message = "Model {Model}: the saved window state was refused; the monitor starts with empty windows")]
    public static partial void StateRefused(ILogger logger, string model, Exception exception);
}
