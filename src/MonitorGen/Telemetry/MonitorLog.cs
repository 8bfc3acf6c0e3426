using System;
using Microsoft.Extensions.Logging;

namespace MonitorGen.Telemetry;

/// <summary>Cached LoggerMessage delegates: formatting is deferred and nothing is allocated when a level is off.</summary>
internal static class MonitorLog
{
    private static readonly Action<ILogger, string, string, DataQualityIssues, Exception?> DataQualityIssueMessage =
        LoggerMessage.Define<string, string, DataQualityIssues>(
            LogLevel.Debug,
            new EventId(1, "DataQualityIssue"),
            "Model {Model}: feature {Feature} has a data-quality issue: {Issue}");

    private static readonly Action<ILogger, string, string, string, double, double, Exception?> DriftDetectedMessage =
        LoggerMessage.Define<string, string, string, double, double>(
            LogLevel.Warning,
            new EventId(2, "DriftDetected"),
            "Model {Model}: drift in feature {Feature} ({Method} score {Score:G6}, threshold {Threshold:G6})");

    private static readonly Action<ILogger, string, string, Exception?> DriftCheckFailedMessage =
        LoggerMessage.Define<string, string>(
            LogLevel.Error,
            new EventId(3, "DriftCheckFailed"),
            "Model {Model}: the drift check of feature {Feature} failed");

    private static readonly Action<ILogger, string, Exception?> StateRefusedMessage =
        LoggerMessage.Define<string>(
            LogLevel.Warning,
            new EventId(5, "StateRefused"),
            "Model {Model}: the saved window state was refused; the monitor starts with empty windows");

    private static readonly Action<ILogger, string, Exception?> ObserveFailedMessage =
        LoggerMessage.Define<string>(
            LogLevel.Error,
            new EventId(4, "ObserveFailed"),
            "Model {Model}: observing a row failed; the row was counted on monitorgen.self.errors");

    public static void DataQualityIssue(ILogger logger, string model, string feature, DataQualityIssues issue)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            DataQualityIssueMessage(logger, model, feature, issue, null);
        }
    }

    public static void DriftDetected(ILogger logger, string model, string feature, string method, double score, double threshold) =>
        DriftDetectedMessage(logger, model, feature, method, score, threshold, null);

    public static void DriftCheckFailed(ILogger logger, string model, string feature, Exception exception) =>
        DriftCheckFailedMessage(logger, model, feature, exception);

    public static void StateRefused(ILogger logger, string model, Exception exception) =>
        StateRefusedMessage(logger, model, exception);

    public static void ObserveFailed(ILogger logger, string model, Exception exception) =>
        ObserveFailedMessage(logger, model, exception);
}
